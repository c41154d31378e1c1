/**
 * The pane's tabs: a WAI-ARIA tablist (arrow keys, Home and End move between tabs; the selected tab alone is in
 * the Tab order), drawn like Fluent's small TabList. Fluent's own TabList adds focusable aria-hidden elements for
 * its arrow keys, which accessibility checkers report as a serious violation; this one needs none.
 */

import { useRef, type KeyboardEvent } from "react";
import { makeStyles, mergeClasses, tokens, typographyStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  // the first tab's text lines up with the pane's text
  list: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXXS, marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  tab: {
    ...typographyStyles.body1,
    position: "relative",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground2,
    fontFamily: "inherit",
    cursor: "pointer",
    ":hover": { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
    "::after": {
      content: '""',
      position: "absolute",
      left: tokens.spacingHorizontalS,
      right: tokens.spacingHorizontalS,
      bottom: 0,
      height: "3px",
      borderRadius: tokens.borderRadiusCircular,
    },
  },
  selected: {
    ...typographyStyles.body1Strong,
    color: tokens.colorNeutralForeground1,
    "::after": { backgroundColor: tokens.colorCompoundBrandStroke },
  },
});

export interface PaneTab {
  id: string;
  label: string;
}

export interface PaneTabsProps {
  tabs: readonly PaneTab[];
  selected: string;
  onSelect: (id: string) => void;
  label: string;
}

/** `tab-<id>` controls `panel-<id>`. */
export function PaneTabs({ tabs, selected, onSelect, label }: PaneTabsProps) {
  const styles = useStyles();
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.id === selected);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length];
    onSelect(next.id);
    list.current?.querySelector<HTMLElement>(`#tab-${next.id}`)?.focus();
  };

  return (
    <div ref={list} role="tablist" aria-label={label} className={styles.list} onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={`tab-${t.id}`}
          aria-controls={`panel-${t.id}`}
          aria-selected={t.id === selected}
          tabIndex={t.id === selected ? 0 : -1}
          className={mergeClasses(styles.tab, t.id === selected && styles.selected)}
          onClick={() => onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
