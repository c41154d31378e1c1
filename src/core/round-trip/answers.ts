/** Comparing answers as people mean them: `accepted` is `Accepted`, `31 Dec 2025` is the date 2025-12-31. */

import { readDate } from "../dates";
import type { CellValue } from "../grid";
import type { Role } from "../headers";
import { displayText } from "../text";
import { normalizeAcceptance, normalizeStatus } from "../vocabulary";

/**
 * The text an answer is compared by: the canonical word for acceptances and statuses, the day for dates, else
 * the text with tags stripped and white space folded. "" for a blank cell.
 */
export function comparable(role: Role, value: CellValue): string {
  const text = displayText(value);
  if (text === "") return "";
  switch (role) {
    case "acceptance":
      return normalizeAcceptance(value) ?? text;
    case "status":
    case "followUp":
      return normalizeStatus(value) ?? text;
    case "targetDate":
    case "responseDate": {
      const date = readDate(value);
      return date.kind === "date" ? `date ${date.serial}` : text;
    }
    default:
      return text;
  }
}
