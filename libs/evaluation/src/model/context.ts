/** A value of a context attribute. */
export type AttributeValue = string | number | boolean | string[];

/** Who or what a flag is evaluated for: a key plus attributes. */
export interface EvaluationContext {
  key: string;
  [attribute: string]: AttributeValue | undefined;
}
