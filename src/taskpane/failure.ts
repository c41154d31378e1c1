/** What the pane says when something fails: the error's own sentence when it was written for people, else a generic one. */

import { UserFacingError } from "../excel/gateway";

/** What the pane was doing, as the generic sentence words it ("while validating"). */
export type Activity = "loading" | "validating" | "selecting" | "summarising" | "creating" | "saving" | "preparing" | "merging";

const DOING: Record<Activity, string> = {
  loading: "reading the workbook",
  validating: "validating",
  selecting: "selecting the cell",
  summarising: "writing the summary",
  creating: "creating the template",
  saving: "saving the settings",
  preparing: "preparing the unit sheets",
  merging: "merging the unit sheets",
};

/** True for errors meant to be shown as they are (also across bundles, where `instanceof` fails). */
export function isUserFacing(error: unknown): error is Error {
  return error instanceof UserFacingError || (error instanceof Error && error.name === "UserFacingError");
}

/** The sentence to show for a failure: never a stack trace or an internal message. */
export function failureMessage(error: unknown, activity: Activity): string {
  if (isUserFacing(error) && error.message.trim() !== "") return error.message;
  return (
    `Something went wrong while ${DOING[activity]}. Try again; if it keeps happening, ` +
    `save the workbook, close and reopen the add-in, and tell your support contact what you were doing.`
  );
}
