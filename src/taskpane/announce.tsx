/**
 * What the pane tells screen-reader users without moving their focus: the outcome of Validate, Generate summary,
 * Create template or a failure, read out from one polite live region.
 */

import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { makeStyles } from "@fluentui/react-components";
import { visuallyHidden } from "./styles";

const AnnounceContext = createContext<(text: string) => void>(() => {});

/** The function that reads a sentence out; outside an Announcer it does nothing. */
export function useAnnounce(): (text: string) => void {
  return useContext(AnnounceContext);
}

const useStyles = makeStyles({ region: visuallyHidden });

/** Provides `useAnnounce` to its children and holds the live region that speaks. */
export function Announcer({ children }: { children: ReactNode }) {
  const styles = useStyles();
  const [message, setMessage] = useState({ text: "", serial: 0 });
  const announce = useCallback((text: string) => setMessage((m) => ({ text, serial: m.serial + 1 })), []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div aria-live="polite" aria-atomic="true" className={styles.region} data-announcements="">
        {/* a new node each time, so the same sentence twice is read twice */}
        <span key={message.serial}>{message.text}</span>
      </div>
    </AnnounceContext.Provider>
  );
}
