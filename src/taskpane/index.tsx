/** Entry of the task pane: waits for office.js (a global from Microsoft's CDN), then renders the pane on the Office gateway. */

import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { OfficeGateway } from "../excel/office-gateway";
import { App } from "./App";

function render(content: React.ReactNode) {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    // The pane reads its outcomes out through its own live region (taskpane/announce.tsx), once each
    <FluentProvider theme={webLightTheme} style={{ minHeight: "100vh" }}>
      {content}
    </FluentProvider>,
  );
}

if (typeof Office === "undefined") {
  render(<p>Office could not be loaded. Check the internet connection, then close and reopen the add-in.</p>);
} else {
  Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) render(<App gateway={new OfficeGateway()} />);
    else render(<p>Response Matrix runs inside Excel. Open a workbook in Excel and start it from Home › Response Matrix.</p>);
  });
}
