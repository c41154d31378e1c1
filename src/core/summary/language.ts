/** The summary's default language: the language of the workbook's own headers (SPEC section 6, Language). */

import type { Workbook } from "../grid";
import { normalizeKey } from "../text";
import type { SummaryLanguage } from "./words";

/** Header words (normalised) that only one language uses; shared ones (`Division`, `Budget`, `Code`) tell nothing. */
const HEADER_WORDS: Record<SummaryLanguage, string[]> = {
  en: [
    "recommendation", "unit", "entity", "office", "acceptance", "accepted", "management response", "status", "update",
    "implementation status", "implementation date", "planned action", "proposed action", "key actions", "action plan",
    "target date", "due date", "deadline", "timeframe", "comments", "client comments", "remarks", "addressed to",
    "responsible units", "for action by", "responsible", "priority", "category", "evidence", "means of verification",
    "response date", "date of response", "name", "aliases", "department", "group", "title of responsible individual",
    "focal point", "follow up",
  ],
  fr: [
    "recommandation", "unite", "entite", "acceptation", "acceptee", "reponse de la direction", "statut", "etat",
    "mise a jour", "suivi", "action prevue", "actions prevues", "actions proposees", "plan d action", "date cible",
    "date de mise en oeuvre", "echeance", "commentaires", "observations", "adressee a", "adresse a", "destinataires",
    "responsable", "priorite", "categorie", "preuve", "justificatif", "date de reponse", "nom", "alias", "autres noms",
    "departement", "numero", "budget alloue",
  ],
};

/** Headers sit near the top of a sheet; looking further would only cost time on big books. */
const ROWS_LOOKED_AT = 200;
/** A header is short; longer text is a cell's content, whatever its language. */
const HEADER_LENGTH = 60;

function startsWithWord(key: string, word: string): boolean {
  return key === word || key.startsWith(word + " ");
}

/** French when more of the workbook's header cells are French than English, else English. */
export function headerLanguage(workbook: Workbook): SummaryLanguage {
  const votes: Record<SummaryLanguage, number> = { en: 0, fr: 0 };
  for (const sheet of workbook.sheets) {
    for (const row of sheet.rows.slice(0, ROWS_LOOKED_AT)) {
      for (const v of row) {
        if (typeof v !== "string" || v.length > HEADER_LENGTH || v.trim() === "") continue;
        const key = normalizeKey(v);
        for (const language of ["en", "fr"] as const) {
          if (HEADER_WORDS[language].some((w) => startsWithWord(key, w))) votes[language]++;
        }
      }
    }
  }
  return votes.fr > votes.en ? "fr" : "en";
}
