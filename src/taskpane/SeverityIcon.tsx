/** Severity as an icon whose shape (circle, triangle, "i") tells it apart without colour; text goes beside it. */

import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from "@fluentui/react-icons";
import type { Severity } from "../core/model";

const useStyles = makeStyles({
  icon: { flexShrink: 0, verticalAlign: "text-bottom" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorBrandForeground1 },
});

/** Words for each severity, singular and plural, as the pane shows them. */
export const SEVERITY_WORDS: Record<Severity, { one: string; many: string; title: string }> = {
  error: { one: "error", many: "errors", title: "Error" },
  warning: { one: "warning", many: "warnings", title: "Warning" },
  info: { one: "note", many: "notes", title: "Note" },
};

/** "1 error", "3 warnings", "0 notes". */
export function countText(severity: Severity, count: number): string {
  const words = SEVERITY_WORDS[severity];
  return `${count} ${count === 1 ? words.one : words.many}`;
}

export function SeverityIcon({ severity }: { severity: Severity }) {
  const styles = useStyles();
  const Icon = severity === "error" ? ErrorCircle16Filled : severity === "warning" ? Warning16Filled : Info16Filled;
  return <Icon aria-hidden="true" className={mergeClasses(styles.icon, styles[severity])} />;
}
