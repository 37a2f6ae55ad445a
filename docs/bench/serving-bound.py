# usage: python3 serving-bound.py PREFIX  — model time by step kind from `./aisle bench --compare --trace-out PREFIX.json` iteration logs, and the best ratio over sequential that any scheduler running the same prefill could reach
import json, sys, glob
res = {}
for f in sorted(glob.glob(sys.argv[1] + '-*.jsonl')):
    kind = f.split('-')[-2]
    its = [json.loads(l) for l in open(f) if '"iteration"' in l]
    pre = sum(i['modelNanos'] for i in its if i['prefillTokens'] > 0 and i['decodeTokens'] == 0) / 1e9
    mixed = sum(i['modelNanos'] for i in its if i['prefillTokens'] > 0 and i['decodeTokens'] > 0) / 1e9
    dec = sum(i['modelNanos'] for i in its if i['prefillTokens'] == 0) / 1e9
    ptok = sum(i['prefillTokens'] for i in its); dtok = sum(i['decodeTokens'] for i in its)
    res[kind] = (pre, mixed, dec, ptok, dtok)
    print(f"{kind:11s} steps {len(its):5d}  prefill-only {pre:6.1f} s  mixed {mixed:6.1f} s  decode-only {dec:6.1f} s  prefill tokens {ptok}  decode tokens {dtok}")
if 'sequential' in res:
    pre, mixed, dec, ptok, dtok = res['sequential']
    total = pre + mixed + dec
    per_prompt_token = pre / ptok * 1e3
    print(f"sequential: {per_prompt_token:.3f} ms per prompt token, {dec / dtok * 1e3:.2f} ms per decode step; model time {total:.1f} s")
    print(f"bound for any scheduler that must run the same prefill (decode free): {total / pre:.2f}x")
