/** Where Validate found no response matrix: says that nothing was checked, and offers the two ways on. */

import type { Ref } from "react";
import { Button, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { ...typographyStyles.subtitle2, margin: 0, ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  text: { ...typographyStyles.body1, margin: 0 },
  way: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXXS },
  hint: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: 0 },
});

export interface NothingCheckedProps {
  /** True once Validate ran and found nothing to check; before that the pane only invites. */
  validated: boolean;
  onChooseColumns: () => void;
  onCreateTemplate: () => void;
  headingRef?: Ref<HTMLHeadingElement>;
  disabled?: boolean;
}

/** The sentence announced when Validate found no response matrix. */
export const NOTHING_CHECKED = "Nothing was checked: no response matrix was found in this workbook.";

export function NothingChecked({ validated, onChooseColumns, onCreateTemplate, headingRef, disabled }: NothingCheckedProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="nothing-heading">
      <h2 id="nothing-heading" ref={headingRef} tabIndex={-1} className={styles.heading}>
        {validated ? "Nothing was checked" : "Nothing to check yet"}
      </h2>
      <p className={styles.text}>
        {validated ? "No response matrix was found in this workbook, so no response was validated. " : "No response matrix was found in this workbook. "}
        There are two ways on:
      </p>
      <div className={styles.way}>
        <Button appearance="primary" onClick={onChooseColumns} disabled={disabled}>
          Choose the sheet and columns
        </Button>
        <p className={styles.hint}>If your responses are in a table of your own: say where they are.</p>
      </div>
      <div className={styles.way}>
        <Button onClick={onCreateTemplate} disabled={disabled}>
          Create a template
        </Button>
        <p className={styles.hint}>To start from the add-in&apos;s own sheets, empty or with an example.</p>
      </div>
    </section>
  );
}
