/** A workbook the core cannot read, with a sentence saying what is wrong and what to do. */
export class LayoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LayoutError";
  }
}
