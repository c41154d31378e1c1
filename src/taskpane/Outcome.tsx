/** What the last action came to: a failure sentence, or a notice of what was done. Text only. */

import { MessageBar, MessageBarBody } from "@fluentui/react-components";

export function Outcome({ failure, notice }: { failure: string | null; notice: string | null }) {
  return (
    <>
      {failure && (
        <MessageBar intent="error">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
