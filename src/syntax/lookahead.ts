// chevrotain's LL(k) lookahead, worked out when a production is first reached instead of at start-up.
//
// chevrotain's self-analysis computes the lookahead paths of every alternation and repetition of
// the grammar before the first token is read; that was most of `hacc check`'s start-up on a small
// file, which reaches a fraction of the grammar. This strategy hands chevrotain a function per
// production that asks chevrotain's own LL(k) strategy on its first call and keeps the answer: the
// same decisions, computed from the same grammar, only later and only where needed.

import { LLkLookaheadStrategy, type ILookaheadStrategy, type IOrAlt } from './chevrotain.js';

type AlternationOptions = Parameters<ILookaheadStrategy['buildLookaheadForAlternation']>[0];
type OptionalOptions = Parameters<ILookaheadStrategy['buildLookaheadForOptional']>[0];
type ChooseAlternative = (orAlts?: IOrAlt<unknown>[]) => number | undefined;
type TakeOptional = () => boolean;

export class LazyLookahead implements ILookaheadStrategy {
  private readonly llk: ILookaheadStrategy;

  constructor(maxLookahead: number) {
    this.llk = new LLkLookaheadStrategy({ maxLookahead });
  }

  validate(options: Parameters<ILookaheadStrategy['validate']>[0]): ReturnType<ILookaheadStrategy['validate']> {
    return this.llk.validate(options);
  }

  buildLookaheadForAlternation(options: AlternationOptions): ChooseAlternative {
    const llk = this.llk;
    let choose: ChooseAlternative | undefined;
    // chevrotain calls it with the parser as `this` (it reads the next tokens through it).
    return function (this: unknown, orAlts?: IOrAlt<unknown>[]): number | undefined {
      choose ??= llk.buildLookaheadForAlternation(options) as ChooseAlternative;
      return choose.call(this, orAlts);
    };
  }

  buildLookaheadForOptional(options: OptionalOptions): TakeOptional {
    const llk = this.llk;
    let take: TakeOptional | undefined;
    return function (this: unknown): boolean {
      take ??= llk.buildLookaheadForOptional(options);
      return take.call(this);
    };
  }
}
