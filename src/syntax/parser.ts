import { CstParser, tokenMatcher, type IParserErrorMessageProvider, type IToken, type TokenType } from './chevrotain.js';
import * as T from './tokens.js';

function tokenLabel(t: TokenType): string {
  return t.LABEL ?? t.name;
}

function describeFound(token: IToken): string {
  return token.tokenType.name === 'EOF' ? 'the end of the file' : `'${token.image}'`;
}

function joinAlternatives(labels: string[]): string {
  const unique = [...new Set(labels)];
  if (unique.length <= 1) return unique[0] ?? 'something else';
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

/** Messages that say what was expected in words an operator reads, not token type names. */
const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return `expected ${tokenLabel(expected)}, found ${describeFound(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `expected the end of the file after the cluster block, found ${describeFound(firstRedundant)}`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual }) {
    const firsts = expectedPathsPerAlt.flatMap((paths) => paths.map((p) => (p[0] ? tokenLabel(p[0]) : '')));
    return `expected ${joinAlternatives(firsts.filter(Boolean))}, found ${describeFound(actual[0]!)}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual }) {
    const firsts = expectedIterationPaths.map((p) => (p[0] ? tokenLabel(p[0]) : ''));
    return `expected ${joinAlternatives(firsts.filter(Boolean))}, found ${describeFound(actual[0]!)}`;
  },
};

/** Syntax errors after which a repetition ends instead of re-syncing (see boundRepetitionRecovery). */
export const MAX_REPETITION_RECOVERIES = 200;

/**
 * The `.ha` grammar. Only shape lives here; meaning (which keys exist, secrets, HA002's missing `=`)
 * is decided in the CST→AST step.
 */
export class HaParser extends CstParser {
  /**
   * `validate`: run chevrotain's grammar validations (ambiguities, left recursion…), which throw on
   * a broken grammar. They take about half of the self-analysis, so hacc's own instance skips them
   * at start-up and test/unit/grammar-validation.test.ts runs them.
   */
  constructor(validate = false) {
    super(T.allTokens, { recoveryEnabled: true, errorMessageProvider: errorMessages, maxLookahead: 3, skipValidations: !validate });
    this.performSelfAnalysis();
    this.boundRepetitionRecovery();
  }

  /**
   * chevrotain's in-repetition recovery re-enters the repetition recursively, once per re-sync, and
   * works out the follow set each time: a block holding thousands of errors (`cluster c {` pasted
   * 3,000 times into a primitive) overflowed the stack after seconds of work. Past
   * MAX_REPETITION_RECOVERIES errors a repetition simply ends instead, and the between-rules
   * recovery, which does not recurse, takes over; only the first 100 errors are shown anyway.
   * (`attemptInRepetitionRecovery` is set per instance by chevrotain when recovery is enabled.)
   */
  private boundRepetitionRecovery(): void {
    const self = this as unknown as { attemptInRepetitionRecovery?: (...args: unknown[]) => void };
    const recover = self.attemptInRepetitionRecovery;
    if (typeof recover !== 'function') throw new Error('chevrotain changed: no attemptInRepetitionRecovery to bound');
    self.attemptInRepetitionRecovery = (...args: unknown[]) => {
      if (this.errors.length < MAX_REPETITION_RECOVERIES) recover.apply(this, args);
    };
  }

  public file = this.RULE('file', () => {
    this.SUBRULE(this.cluster);
  });

  public cluster = this.RULE('cluster', () => {
    this.CONSUME(T.Cluster);
    this.CONSUME(T.AnyWord, { LABEL: 'name' });
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.statement));
    this.CONSUME(T.RCurly);
  });

  public statement = this.RULE('statement', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.platform) },
      { ALT: () => this.SUBRULE(this.auth) },
      { ALT: () => this.SUBRULE(this.node) },
      { ALT: () => this.SUBRULE(this.host) },
      { ALT: () => this.SUBRULE(this.property) },
      { ALT: () => this.SUBRULE(this.defaults) },
      { ALT: () => this.SUBRULE(this.opDefaults) },
      { ALT: () => this.SUBRULE(this.primitive) },
      { ALT: () => this.SUBRULE(this.group) },
      { ALT: () => this.SUBRULE(this.location) },
      { ALT: () => this.SUBRULE(this.colocation) },
      { ALT: () => this.SUBRULE(this.order) },
    ]);
  });

  public platform = this.RULE('platform', () => {
    this.CONSUME(T.Platform);
    this.CONSUME(T.AnyWord, { LABEL: 'name' });
  });

  public auth = this.RULE('auth', () => {
    this.CONSUME(T.Auth);
    this.CONSUME(T.AnyWord, { LABEL: 'name' });
    this.SUBRULE(this.attributes);
  });

  public node = this.RULE('node', () => {
    this.CONSUME(T.NodeKw);
    this.CONSUME(T.AnyWord, { LABEL: 'name' });
    this.SUBRULE(this.attributes);
  });

  public host = this.RULE('host', () => {
    this.CONSUME(T.Host);
    this.CONSUME(T.AnyWord, { LABEL: 'name' });
    this.SUBRULE(this.attributes);
  });

  public property = this.RULE('property', () => {
    this.CONSUME(T.Property);
    this.SUBRULE(this.attributes);
  });

  public defaults = this.RULE('defaults', () => {
    this.CONSUME(T.Defaults);
    this.SUBRULE(this.attributes);
  });

  public opDefaults = this.RULE('opDefaults', () => {
    this.CONSUME(T.OpDefaults);
    this.SUBRULE(this.attributes);
  });

  public primitive = this.RULE('primitive', () => {
    this.CONSUME(T.Primitive);
    this.CONSUME1(T.AnyWord, { LABEL: 'name' });
    this.CONSUME2(T.AnyWord, { LABEL: 'agent' });
    this.OPTION(() => {
      this.CONSUME(T.LCurly);
      this.MANY(() => this.SUBRULE(this.primitiveItem));
      this.CONSUME(T.RCurly);
    });
  });

  public primitiveItem = this.RULE('primitiveItem', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.params) },
      { ALT: () => this.SUBRULE(this.meta) },
      { ALT: () => this.SUBRULE(this.op) },
      { ALT: () => this.SUBRULE(this.command) },
      { ALT: () => this.SUBRULE(this.defaultOps) },
    ]);
  });

  /** `default-ops none`: build adds no operations to this primitive. */
  public defaultOps = this.RULE('defaultOps', () => {
    this.CONSUME(T.DefaultOps);
    this.CONSUME(T.AnyWord, { LABEL: 'value' });
  });

  public params = this.RULE('params', () => {
    this.CONSUME(T.Params);
    this.SUBRULE(this.attributes);
  });

  public meta = this.RULE('meta', () => {
    this.CONSUME(T.Meta);
    this.SUBRULE(this.attributes);
  });

  public op = this.RULE('op', () => {
    this.CONSUME(T.Op);
    this.CONSUME(T.AnyWord, { LABEL: 'name' });
    this.SUBRULE(this.attributes);
  });

  public command = this.RULE('command', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Start, { LABEL: 'action' }) },
      { ALT: () => this.CONSUME(T.Stop, { LABEL: 'action' }) },
      { ALT: () => this.CONSUME(T.Monitor, { LABEL: 'action' }) },
    ]);
    this.SUBRULE(this.value);
  });

  public group = this.RULE('group', () => {
    this.CONSUME(T.Group);
    this.CONSUME(T.AnyWord, { LABEL: 'name' });
    this.CONSUME(T.LCurly);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.primitive) },
        { ALT: () => this.SUBRULE(this.meta) },
        { ALT: () => this.CONSUME(T.Word, { LABEL: 'member' }) },
      ]);
    });
    this.CONSUME(T.RCurly);
  });

  public location = this.RULE('location', () => {
    this.CONSUME(T.Location);
    this.CONSUME1(T.AnyWord, { LABEL: 'name' });
    this.CONSUME2(T.AnyWord, { LABEL: 'resource' });
    this.SUBRULE(this.attributes);
    this.OR([
      { ALT: () => this.CONSUME(T.Prefers, { LABEL: 'mode' }) },
      { ALT: () => this.CONSUME(T.Avoids, { LABEL: 'mode' }) },
    ]);
    this.AT_LEAST_ONE(() => this.SUBRULE(this.locationTarget));
  });

  public locationTarget = this.RULE('locationTarget', () => {
    this.CONSUME(T.Word, { LABEL: 'node' });
    this.OPTION(() => {
      this.CONSUME(T.Equals);
      this.SUBRULE(this.value);
    });
  });

  public colocation = this.RULE('colocation', () => {
    this.CONSUME(T.Colocation);
    this.CONSUME1(T.AnyWord, { LABEL: 'name' });
    this.CONSUME2(T.AnyWord, { LABEL: 'resource' });
    this.CONSUME(T.With);
    this.CONSUME3(T.AnyWord, { LABEL: 'target' });
    this.SUBRULE(this.attributes);
  });

  public order = this.RULE('order', () => {
    this.CONSUME(T.Order);
    this.CONSUME1(T.AnyWord, { LABEL: 'name' });
    this.CONSUME2(T.AnyWord, { LABEL: 'resource' });
    this.CONSUME(T.Then);
    this.CONSUME3(T.AnyWord, { LABEL: 'target' });
    this.SUBRULE(this.attributes);
  });

  /**
   * `key=value` pairs. A pair also starts at a plain word directly followed by a value that is not
   * itself a key: that is `key "value"` / `key value` with the `=` forgotten (HA002), parsed as a
   * pair so that later checks still see it.
   */
  public attributes = this.RULE('attributes', () => {
    this.MANY({
      GATE: () => this.startsAttribute(),
      DEF: () => this.SUBRULE(this.attribute),
    });
  });

  public attribute = this.RULE('attribute', () => {
    this.CONSUME(T.AnyWord, { LABEL: 'key' });
    this.OPTION(() => this.CONSUME(T.Equals));
    this.SUBRULE(this.value);
  });

  public value = this.RULE('value', () => {
    this.OR([{ ALT: () => this.CONSUME(T.AnyWord) }, { ALT: () => this.CONSUME(T.AnyString) }]);
  });

  private startsAttribute(): boolean {
    const next = this.LA(2);
    if (tokenMatcher(next, T.Equals)) return true;
    if (!tokenMatcher(this.LA(1), T.Word)) return false;
    if (tokenMatcher(next, T.AnyString)) return true;
    return tokenMatcher(next, T.Word) && !tokenMatcher(this.LA(3), T.Equals);
  }
}

/** One parser instance, reused: chevrotain's self-analysis is the expensive part. */
export const haParser = new HaParser();
