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

export function SeverityIcon({ severity, className }: { severity: Severity; className?: string }) {
  const styles = useStyles();
  const Icon = severity === "error" ? ErrorCircle16Filled : severity === "warning" ? Warning16Filled : Info16Filled;
  return <Icon aria-hidden="true" className={mergeClasses(styles.icon, styles[severity], className)} />;
}
