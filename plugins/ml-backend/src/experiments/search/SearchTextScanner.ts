import { invalidParameter } from '../MlflowError';

/**
 * An identifier as written: `metrics.rmse`, `` params.`a.b` ``,
 * `tags."mlflow.user"`, or a bare attribute (`status`, `` `Run name` ``).
 */
export interface ScannedIdentifier {
  /** The part before the first dot, when there is one. */
  prefix?: string;
  key: string;
  /** The identifier exactly as typed, for messages. */
  text: string;
}

/** A value as written: a quoted string or a number. */
export type ScannedValue =
  | { type: 'string'; value: string; text: string }
  | { type: 'number'; value: number; text: string };

const WORD_START = /[\p{L}_]/u;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const SYMBOL_COMPARATOR = /^(?:>=|<=|!=|<>|==|=|>|<)/;

/**
 * Reads the pieces of MLflow's SQL-like search strings (filters and
 * order_by entries) left to right. Every error names what it found and
 * where, since people type these strings by hand.
 */
export class SearchTextScanner {
  #pos = 0;

  constructor(readonly text: string, private readonly what: string) {}

  get position(): number {
    return this.#pos;
  }

  skipSpace(): void {
    while (this.#pos < this.text.length && /\s/.test(this.text[this.#pos])) {
      this.#pos++;
    }
  }

  atEnd(): boolean {
    this.skipSpace();
    return this.#pos >= this.text.length;
  }

  peekChar(): string | undefined {
    this.skipSpace();
    return this.text[this.#pos];
  }

  /** The next bare word, upper-cased, without consuming it. */
  peekWord(): string | undefined {
    this.skipSpace();
    const match = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(this.text.slice(this.#pos));
    return match?.[0].toUpperCase();
  }

  /** Consumes the next bare word, which the caller has peeked. */
  skipWord(): void {
    this.skipSpace();
    while (
      this.#pos < this.text.length &&
      WORD_CHAR.test(this.text[this.#pos])
    ) {
      this.#pos++;
    }
  }

  /** A symbolic comparator (`=`, `>=`, …) if one comes next. */
  readSymbol(): string | undefined {
    this.skipSpace();
    const match = SYMBOL_COMPARATOR.exec(this.text.slice(this.#pos));
    if (!match) return undefined;
    this.#pos += match[0].length;
    return match[0];
  }

  /** Consumes `char` if it comes next. */
  take(char: string): boolean {
    if (this.peekChar() !== char) return false;
    this.#pos++;
    return true;
  }

  readIdentifier(): ScannedIdentifier {
    this.skipSpace();
    const start = this.#pos;
    const first = this.#readIdentifierPart(false);
    if (first === undefined) {
      throw this.error(
        `Expected an identifier such as metrics.<name>, params.<name>, tags.<name> or an attribute`,
      );
    }
    if (this.text[this.#pos] !== '.' || first.quote === '"') {
      return { key: first.value, text: this.text.slice(start, this.#pos) };
    }
    this.#pos++;
    const key = this.#readIdentifierPart(true);
    if (key === undefined) {
      throw this.error(
        `Expected a name after '${this.text.slice(
          start,
          this.#pos,
        )}' (quote it with backticks or double quotes if it has spaces or symbols)`,
      );
    }
    return {
      prefix: first.value,
      key: key.value,
      text: this.text.slice(start, this.#pos),
    };
  }

  readValue(): ScannedValue {
    this.skipSpace();
    const start = this.#pos;
    const char = this.text[this.#pos];
    if (char === "'" || char === '"') {
      const value = this.#readQuoted(char);
      return { type: 'string', value, text: this.text.slice(start, this.#pos) };
    }
    const match = NUMBER.exec(this.text.slice(this.#pos));
    const after = match ? this.text[this.#pos + match[0].length] : undefined;
    if (match && (after === undefined || !WORD_CHAR.test(after))) {
      this.#pos += match[0].length;
      return { type: 'number', value: Number(match[0]), text: match[0] };
    }
    throw this.error(
      'Expected a value: a number, or a string in single or double quotes',
    );
  }

  /** A few characters from the current position, for messages. */
  upcoming(): string {
    this.skipSpace();
    const rest = this.text.slice(this.#pos);
    if (!rest) return 'the end of the text';
    return `'${rest.length > 30 ? `${rest.slice(0, 30)}…` : rest}'`;
  }

  /** An error about what comes at the current position. */
  error(expectation: string, at = this.#pos): Error {
    const found =
      at === this.#pos ? this.upcoming() : `'${this.text.slice(at, at + 30)}'`;
    return invalidParameter(
      `Invalid ${this.what} '${this.text}': ${expectation} at position ${at}, found ${found}`,
    );
  }

  #readIdentifierPart(
    isKey: boolean,
  ): { value: string; quote?: string } | undefined {
    const char = this.text[this.#pos];
    if (char === '`' || char === '"') {
      return { value: this.#readQuoted(char), quote: char };
    }
    if (char === undefined || !(isKey ? WORD_CHAR : WORD_START).test(char)) {
      return undefined;
    }
    const start = this.#pos;
    // Keys may hold dots (`tags.mlflow.user`); MLflow splits the prefix
    // off at the first one only.
    const part = isKey
      ? /^[\p{L}\p{N}_]+(?:\.[\p{L}\p{N}_]+)*/u
      : /^[\p{L}_][\p{L}\p{N}_]*/u;
    const match = part.exec(this.text.slice(start))!;
    this.#pos += match[0].length;
    return { value: match[0] };
  }

  /** A quoted run of text; a doubled quote stands for one quote. */
  #readQuoted(quote: string): string {
    const start = this.#pos;
    let value = '';
    this.#pos++;
    for (;;) {
      const next = this.text.indexOf(quote, this.#pos);
      if (next < 0) {
        this.#pos = start;
        throw invalidParameter(
          `Invalid ${this.what} '${this.text}': the quote ${quote} at position ${start} is never closed`,
        );
      }
      value += this.text.slice(this.#pos, next);
      this.#pos = next + 1;
      if (this.text[this.#pos] !== quote) return value;
      value += quote;
      this.#pos++;
    }
  }
}
