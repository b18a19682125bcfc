// The xliff package (locize) ships no types: the two functions Seloste uses, as they behave without a callback.
declare module 'xliff' {
  export interface XliffUnit {
    source: string;
    target?: string;
    note?: string;
  }
  export interface XliffJs {
    sourceLanguage: string;
    targetLanguage: string;
    resources: Record<string, Record<string, XliffUnit>>;
  }
  const xliff: {
    js2xliff(js: XliffJs, options?: { indent?: string }): Promise<string>;
    xliff2js(xml: string): Promise<XliffJs>;
  };
  export default xliff;
}
