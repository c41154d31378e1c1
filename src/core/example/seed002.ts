/**
 * The example workbook: seed 002, UNITAR's management response to the evaluation of its
 * learning-related events certifications (14 programme units, 5 recommendations).
 *
 * Section III is transcribed row by row as printed, defects included, because the example exists to
 * show what validation finds in a real form: A2030 wrote `No response received` in every column,
 * several Accepted rows have `-` or `N/A` as their action, statuses are free text
 * (`When time comes, it will be done`, `Already in full compliance`), some values sit in the wrong
 * column (UNOSAT rec 2 and HO rec 4 put a status in Budget), CITSU's status ends with a period.
 * Text split by page breaks is joined; the extraction's `<p>` paragraphs become line breaks.
 * The form has no target dates, responsible persons, evidence or response dates, so those stay blank;
 * the follow-up columns (6 months, 1 year, 2 years) are not yet filled. The recommendation-level
 * comment under recommendation 3 (from PMCPU) is not an answer row and is left out.
 */

/** Evaluation title, written in the `Title` cell above the Recommendations table. */
export const EXAMPLE_TITLE = "Evaluation of UNITAR's learning-related events certifications";

export interface ExampleUnit {
  code: string;
  name: string;
  division: string;
  aliases: string;
}

export interface ExampleRecommendation {
  number: string;
  text: string;
  addressedTo: string;
}

export interface ExampleResponse {
  number: string;
  unit: string;
  acceptance: string;
  action: string;
  budget: string;
  status: string;
}

/** The programme units, in the order of the seeds README (divisions as the Section 0 columns imply). */
export const EXAMPLE_UNITS: readonly ExampleUnit[] = [
  { code: "CITSU", name: "Communications and Information Technology Support Unit", division: "CITSU", aliases: "" },
  { code: "PTP", name: "Peacekeeping Training Programme", division: "Peace", aliases: "" },
  { code: "PMCP", name: "Peacemaking and Conflict Prevention Programme", division: "Peace", aliases: "" },
  { code: "SDP", name: "Social Development Programme", division: "People", aliases: "" },
  { code: "A2030", name: "Strategic Implementation of Agenda 2030", division: "People", aliases: "" },
  { code: "CWM", name: "Chemicals and Waste Management Programme", division: "Planet", aliases: "" },
  { code: "GCP", name: "Green Development and Climate Change Programme", division: "Planet", aliases: "" },
  { code: "SCYCLE", name: "Sustainable Cycles", division: "Planet", aliases: "" },
  { code: "NYO", name: "New York Office", division: "New York Office", aliases: "" },
  { code: "MDP", name: "Multilateral Diplomacy Programme", division: "Multilateral Diplomacy Programme", aliases: "" },
  { code: "UNOSAT", name: "United Nations Satellite Centre", division: "Satellite Analysis and Applied Research", aliases: "" },
  { code: "HO", name: "Hiroshima Office", division: "Prosperity", aliases: "" },
  { code: "PFTP", name: "Public Finance and Trade Programme", division: "Prosperity", aliases: "" },
  { code: "NDC", name: "NCD, Digital Health and Capacity Building", division: "NCD", aliases: "NCD" },
];

/** Every Section 0 column except CITSU: the divisions recommendations 1, 2, 4 and 5 are addressed to. */
const ALL_BUT_CITSU =
  "Peace, People, Planet, New York Office, Multilateral Diplomacy Programme, Satellite Analysis and Applied Research, Prosperity, NCD";

/** The five recommendations: the first sentence of each, as Section 0 prints it. */
export const EXAMPLE_RECOMMENDATIONS: readonly ExampleRecommendation[] = [
  {
    number: "1",
    text:
      "Take steps to ensure full compliance with the UNITAR Certification Policy (including requirements for recording CoC " +
      "for courses that are part of Master’s Degree programmes) and strengthen familiarity of programme unit personnel " +
      "with the Certification Policy and OAL guidelines.",
    addressedTo: ALL_BUT_CITSU,
  },
  {
    number: "2",
    text:
      "Integrate more rigorous and consistent quality control measures and standardized procedures for data entry into " +
      "the EMS to ensure accurate data recording and analysis, including avoiding instances where the CoC rate is " +
      "inaccurate or zero.",
    addressedTo: ALL_BUT_CITSU,
  },
  {
    number: "3",
    text:
      "The Communications and Information Technology Support Unit (CITSU) should prioritize the development of the " +
      "application programming interface for integration of the certification data from Moodle into the EMS, as planned in 2024.",
    addressedTo: "CITSU",
  },
  {
    number: "4",
    text:
      "UNITAR Programme Units delivering learning events should continuously formulate learner engagement strategies, " +
      "particularly for those from activities funded from donor-supported projects, and provide individual learner " +
      "support, learning from the good practices in this report.",
    addressedTo: ALL_BUT_CITSU,
  },
  {
    number: "5",
    text:
      "UNITAR Programme Units delivering learning events should use evidence from learner analytics and evaluations to " +
      "design or adjust future events in a way that maximizes learner engagement (see recommendation 4) and increases " +
      "completion rates.",
    addressedTo: ALL_BUT_CITSU,
  },
];

const NR = "No response received";

/** A2030's row: `No response received` in every column the form printed. */
function noResponse(number: string): ExampleResponse {
  return { number, unit: "A2030", acceptance: NR, action: NR, budget: NR, status: NR };
}

function r(number: string, unit: string, acceptance: string, action: string, budget: string, status: string): ExampleResponse {
  return { number, unit, acceptance, action, budget, status };
}

/** Section III, every answer row in the order printed. */
export const EXAMPLE_RESPONSES: readonly ExampleResponse[] = [
  noResponse("1"),
  r("1", "CWM", "Accepted", "CWM staff to understand and internalize the UNITAR certification policy.", "N/A", "Planned"),
  r(
    "1", "GCP", "Accepted",
    "All GCP staff to familiarise/refresh themselves with UNITAR certification policy. This will be raised in the next " +
      "team meeting and monitoring in the same way.",
    "N/A", "Planned",
  ),
  r(
    "1", "HO", "Partially Accepted",
    "All existing HO team members to refresh themselves with UNITAR certification and other EMS related policies and " +
      "guidance briefs. All new HO members to complete reviewing the PPME session recordings within one month since " +
      "joining date. Division focal person to coordinate a training session for new joinees as needed. At time of " +
      "uploading data, Division focal person remains available to coordinate with PPME team for any clarifications/guidance.",
    "NA", "Under Implementation",
  ),
  r(
    "1", "MDP", "Partially Accepted",
    "MDPU personnel are referred to EMS Manual and are briefed at the time of inserting data for their respective events on the EMS.",
    "", "Under implementation",
  ),
  r(
    "1", "NDC", "Accepted",
    "Recommendation 1 can be successfully implemented for both the current migration project with WHO Academy and for " +
      "future co-produced course projects.",
    "N/A", "Under implementation",
  ),
  r("1", "NYO", "Accepted", "-", "", ""),
  r(
    "1", "UNOSAT", "Accepted",
    "UNOSAT personnel ensures that project management involved in the course design has been made aware about the " +
      "course Foundation course for training development of UNITAR, in which Certification Policy and OAL are addressed.",
    "", "",
  ),
  r(
    "1", "PTP", "Accepted",
    "PTPU personnel are informed on certification policy and are reminded each quarter to submit their data for their " +
      "respective events to the EMS.",
    "N/A", "Implemented",
  ),
  r("1", "PMCP", "Accepted", "Already in full compliance", "N/A", "Implemented"),
  r("1", "PFTP", "Accepted", "PFTP teams are aware of the requirements to comply with the certification policy.", "N/A", "Implemented"),
  r(
    "1", "SDP", "Partially Accepted",
    "SDP and CGN keep complying with the UNITAR Certification Policy and aim to keep improving these processes SDP and " +
      "CGN are currently taking steps to ensure full knowledge and compliance with the UNITAR Certification Policy and " +
      "will continue to enhance our efforts in line with these detailed recommendations.",
    "N/A", "Under Implementation",
  ),
  r(
    "1", "SCYCLE", "Partially Accepted",
    "SCYCLE is not substantially working on trainings delivering certificates. But in case it does staff will " +
      "familiarize with UNITAR policies to carefully observe to them.",
    "N/A", "When time comes, it will be done",
  ),

  noResponse("2"),
  r(
    "2", "CWM", "Partially accepted",
    "CWM conducts quality control of the information entered, however the system is still far from intuitive and " +
      "sometimes difficult to understand, therefore recording might be problematic",
    "N/A", "Under implementation",
  ),
  r("2", "GCP", "Accepted", "GCP staff performs this function on a regular basis.", "UN CC:Learn", "Under implementation"),
  r(
    "2", "HO", "Partially Accepted",
    "Division focal point and HO members from each programme implementation team, participate in the guidance and " +
      "training sessions hosted by CITSU and PPME, focusing on data entry, unique beneficiaries, recording of mandatory " +
      "data etc. HO members internally discuss any data related reporting challenges and duly complete the required " +
      "actions for uploading valid data on EMS.",
    "N/A", "Under implementation",
  ),
  r(
    "2", "MDP", "Partially accepted",
    "MDPU personnel using the EMS participates to the regular guidance and training sessions offered by Communications " +
      "and Information Technology Support Unit (CITSU) , focusing on proper data entry techniques, event classification " +
      "and the significance of thorough and precise record-keeping.",
    "-", "Under implementation",
  ),
  r(
    "2", "NDC", "Partially accepted",
    "Recommendation 2 can be partially implemented as we rely on the Academy's LXP features to be ready to generate the " +
      "required data. For other projects, this will be implemented as per the data privacy regulations of partner organizations.",
    "N/A", "Under implementation",
  ),
  r("2", "NYO", "Accepted", "-", "-", ""),
  r(
    "2", "UNOSAT", "Accepted",
    "UNOSAT has a person dedicated to collect the EMS data who is familiar with practices and policies.",
    "Implemented", "",
  ),
  r(
    "2", "PTP", "Accepted",
    "Already in full compliance – For nearly two years, each quarter, the focal point reaches out to team leaders of " +
      "PTP's pillars to report on event beneficiary data to the EMS.",
    "N/A", "Already in full compliance",
  ),
  r("2", "PMCP", "Accepted", "Already in full compliance", "N/A", "Already in full compliance"),
  r(
    "2", "PFTP", "Partially accepted",
    "Programme unit endeavors to accurately upload data. It would help everyone if the UNITAR LMS could seamlessly " +
      "report statistical data on EMS for added accuracy and efficiency.",
    "", "",
  ),
  r(
    "2", "SDP", "Partially Accepted",
    "SDP has considerably improved in our EMS reporting processes. These enhancements are evident in the more accurate " +
      "and complete data registered, reflecting our commitment to integrating rigorous and consistent quality control " +
      "measures and standardized procedures for data entry into the EMS. SDP will continue our efforts to ensure the " +
      "reliability of our data.",
    "N/A", "Under Implementation",
  ),
  r(
    "2", "SCYCLE", "Rejected",
    "SCYCLE does not award Certificates of Completion for many of its events, which are also not classical training " +
      "events, though are still entered into EMS. Hence, a zero does not mean that participants did not complete the " +
      "training. This is simply the wrong conclusion. The EMS should probably better distinguish between EMS and other " +
      "events such as joint workshops etc.",
    "", "",
  ),

  r(
    "3", "CITSU", "Accepted",
    "Several meetings have been organized between the developer, CITSU, PPME and the programme units to review the " +
      "current practice and the possible solution for integration between EMS and Moodle to import the certification " +
      "data from Moodle. With the greenlight from PPME, the developers will start the development of the interface in " +
      "the second week of April.",
    "Budget allocated for the EMS development in 2024.", "Under implementation.",
  ),

  noResponse("4"),
  r(
    "4", "CWM", "Accepted",
    "CWM provides evaluations to their courses and promotes to use the courses to develop national curricula for " +
      "national officers working on C&W. The UNiversity of Cape Town in South Africa has adopted the UNITAR-Kemi courses " +
      "as part of their curricula in the C&W related programmes\n" +
      "CWM actively updates a maillist where people are invited to participate in our activities, webinars and new courses.",
    "N/A", "Under implementation",
  ),
  r(
    "4", "GCP", "Accepted",
    "The UNCC:learn model involves significant outreach to our alumni including a range of follow up actions " +
      "(newsletters, climate classrooms, fireside chats).",
    "UN CC:Learn", "Under implementation",
  ),
  r(
    "4", "HO", "Accepted",
    "Almost all HO programmes are delivered on EdApp, a mobile-first learning platform which uses low-data and also has " +
      "offline learning options, enabling HO programme participants from countries with low to limited network to " +
      "successfully join and complete the training programmes.\n" +
      "Other methods of learner support that HO actively pursues in all programmes is learner-check in through zoom " +
      "sessions / online chat support along with undertaking feedback at phase as well as final completion level, to " +
      "record best practices as much as adjust the training for the concerns if any raised.",
    "Under implementation", "Under implementation",
  ),
  r(
    "4", "MDP", "Accepted",
    "MDPU activities are strongly based on peer-learning. For online courses, MDPU staff and course instructors monitors " +
      "learner's progress and send friendly reminders so they can keep track with the course workload. Most materials " +
      "of online courses are also accessible offline (in PDF format, etc.) so countries with low-speed internet " +
      "connection can download the course materials.",
    "-", "Under implementation",
  ),
  r(
    "4", "NDC", "Partially accepted",
    "Recommendations 4 and 5 can be partially implemented – we are reviewing WHO courses during migration, maintaining " +
      "records of quality improvement measures, and sharing these recommendations with WHO Academy.\n" +
      "This will be implemented for other projects.",
    "N/A", "Under implementation",
  ),
  r(
    "4", "NYO", "Accepted",
    "UNITAR NYO frequently liaise with donors, implementing partners, and participants via emails and survey tools. For " +
      "online courses, UNITAR NYO hosts the course on UNITAR E-learning platform, and maintains communications with the " +
      "participants through the forum function. For in-person courses, UNITAR NYO formulates learners' engagement " +
      "activities together with the help from experts (speakers and panelists), and organize follow-up activities " +
      "(email surveys, interactive exercises) to ensure learning outcomes.",
    "-", "Under Implementation",
  ),
  r(
    "4", "UNOSAT", "Partially accepted",
    "UNOSAT project team commits to design learning engagement strategies during the project implementation phase. " +
      "Going beyond the project implementation phase reveals to be challenging due to lack of funding.",
    "", "Implemented",
  ),
  r("4", "PTP", "Accepted", "Already in full compliance", "N/A", "Implemented"),
  r("4", "PMCP", "Accepted", "Already in full compliance", "N/A", "Implemented"),
  r("4", "PFTP", "Accepted", "In full compliance", "N/A", "Implemented"),
  r(
    "4", "SDP", "Partially Accepted",
    "SDP and CGN are constantly developing and refining our learner engagement strategies, particularly for those " +
      "initiatives financed through donor-supported projects. We are dedicated to offering tailored support to each " +
      "learner, applying the effective practices identified in the report. Moreover, we are committed to enhancing our " +
      "staff's capabilities to better implement these strategies, making necessary adjustments based on the size of the " +
      "cohort to ensure optimal learner engagement",
    "N/A", "Under Implementation",
  ),
  r("4", "SCYCLE", "Accepted", "N/A", "N/A", ""),

  noResponse("5"),
  r(
    "5", "CWM", "Accepted",
    "Keml, a CWM partner, uses the analytics and reports from students that have finished the four UNITAR-Keml courses " +
      "and offer a follow-up programme called the International Programme on Chemicals which includes on the ground " +
      "training in their home countries and in Sweden",
    "N/A the follow is provided by the Government of Sweden", "Under implementation",
  ),
  r("5", "GCP", "Accepted", "UNCC:learn model", "UN CC:Learn", "Under implementation"),
  r(
    "5", "HO", "Accepted",
    "Evaluations and feedback from all HO programmes are reviewed and analysed by HO team members with the aim to " +
      "incorporate them in future events.",
    "-", "Under implementation",
  ),
  r(
    "5", "MDP", "Accepted",
    "At the end of each course, MDPU colleagues review each course evaluation to design and adjust future events.",
    "-", "Under implementation",
  ),
  r("5", "NDC", "Partially accepted", "Please refer to our comments above.", "N/A", "Under implementation"),
  r(
    "5", "NYO", "Accepted",
    "UNITAR colleagues proactivity conduct surveys and evaluations for participants during and after the conclusion of " +
      "each event to guarantee the customers' satisfaction and learning outcomes.",
    "-", "Under implementation",
  ),
  r(
    "5", "UNOSAT", "Accepted",
    "Whenever new learning events are organised, feedback and analytics from past evaluations are taken into account to " +
      "improve the learner's engagement. UNOSAT consistently incorporates feedback and inputs from past projects when " +
      "applicable, considering each project's unique characteristics.",
    "", "Under implementation",
  ),
  r("5", "PTP", "Accepted", "Already in full compliance", "N/A", "Implemented"),
  r("5", "PMCP", "Accepted", "Already in full compliance", "-", "Implemented"),
  r("5", "PFTP", "Accepted", "Very much part of our training delivery cycle", "N/A", "Under implementation"),
  r(
    "5", "SDP", "Partially Accepted",
    "SDP uses feedback and assessments to design and adjust our learning events, aiming to maximize engagement and boost " +
      "completion rates. This process of continuous improvement is driven by feedback received from beneficiaries, " +
      "donors, and our staff. By integrating this feedback, SDP and CGN are enhancing our processes to better meet the " +
      "needs of our learners and achieve the objectives of our educational programs.",
    "N/A", "Under implementation",
  ),
  r(
    "5", "SCYCLE", "Accepted",
    "SCYCLE often asks participants to complete anonymously an evaluation questionnaire upon completion of a training",
    "", "",
  ),
];
