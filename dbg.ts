import { readWorkbook } from "./src/core/read";
import { segmentWorkbook } from "./src/core/layouts/blocks";
const wb = {"name":"property.xlsx","sheets":[{"name":"Responses","rows":[["🪮𩅅🔐𘲗軔","𐠤𐰚"],["Commentaires","Response date","Statut à 1 an","Accepted? (Yes/No)","Entity","Evidence","Status at 2 years","#","Title of responsible individual","Status at 6 months","Implementation status","Proposed action","Budget allocated"],["Only part is feasible.","","Not started","Accepted","Unité Paris","Report 2025","#N/A","","Head of unit","Not started","","",""],["Only part is feasible.","","",true,0,"Report 2025",0,"","Head of unit","Not started",null,"Train all staff.","Staff time"]]}]} as any;
for (const b of segmentWorkbook(wb)) console.log(b.shape, b.top, b.end, JSON.stringify(b.headers));
const m = readWorkbook(wb, { asOf: "2025-06-30" });
console.log(m.layout, [...m.columns], m.responses.map(r => [r.row, JSON.stringify(r.cells)]));
