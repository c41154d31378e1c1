/** What the last action came to: a failure sentence, or a notice of what was done. Text only; both are announced. */

import { useEffect } from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useAnnounce } from "./announce";

export function Outcome({ failure, notice }: { failure: string | null; notice: string | null }) {
  const announce = useAnnounce();
  useEffect(() => {
    if (failure) announce(failure);
  }, [failure, announce]);
  useEffect(() => {
    if (notice) announce(notice);
  }, [notice, announce]);
  return (
    <>
      {failure && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
