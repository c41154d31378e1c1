/** Template: new sheets of the canonical workbook, empty, with the example, or with recommendations from report text. */

import { useState, type Ref } from "react";
import { Button, Checkbox, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { EXAMPLE_RECOMMENDATIONS, EXAMPLE_TITLE, EXAMPLE_UNITS } from "../core/example/seed002";
import { plural } from "../core/text";
import type { TemplateOptions } from "../excel/gateway";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalS },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  text: { ...typographyStyles.body1, margin: 0 },
  note: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3, margin: `0 0 0 ${tokens.spacingHorizontalXXL}` },
});

/** What the example is, in words: a real management response, with the gaps real forms have. */
export const EXAMPLE_NOTE =
  `A real management response with its gaps: "${EXAMPLE_TITLE}", ` +
  `${plural(EXAMPLE_UNITS.length, "unit")}, ${plural(EXAMPLE_RECOMMENDATIONS.length, "recommendation")}.`;

export interface TemplatePanelProps {
  onCreate: (options: Required<TemplateOptions>) => void;
  disabled?: boolean;
  /** The panel's heading, which "Create a template" elsewhere in the pane moves the focus to. */
  headingRef?: Ref<HTMLHeadingElement>;
}

export function TemplatePanel({ onCreate, disabled, headingRef }: TemplatePanelProps) {
  const styles = useStyles();
  const [example, setExample] = useState(false);
  const [fromSelection, setFromSelection] = useState(false);
  return (
    <section className={styles.root} aria-labelledby="template-heading">
      <h2 id="template-heading" ref={headingRef} tabIndex={-1} className={styles.heading}>
        New workbook
      </h2>
      <p className={styles.text}>
        Adds the sheets Units, Recommendations and Responses as Excel tables, with drop-down lists for the acceptance and
        the statuses.
      </p>
      <Checkbox
        checked={example && !fromSelection}
        disabled={disabled || fromSelection}
        onChange={(_, data) => setExample(data.checked === true)}
        label="Include example responses"
        aria-describedby="example-note"
      />
      <p id="example-note" className={styles.note}>
        {EXAMPLE_NOTE}
      </p>
      <Checkbox
        checked={fromSelection}
        disabled={disabled}
        onChange={(_, data) => setFromSelection(data.checked === true)}
        label="Take the recommendations from the selected cells (report text pasted in a column)"
      />
      <Button onClick={() => onCreate({ example: example && !fromSelection, fromSelection })} disabled={disabled}>
        Create template
      </Button>
    </section>
  );
}
