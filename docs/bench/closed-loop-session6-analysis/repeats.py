"""Counts held-out answers that repeat a sentence (same text, markup stripped, twice or more)."""
import json, re, sys
def sentences(text):
    t = re.sub(r'<[^>]*>', ' ', text)
    parts = re.split(r'(?<=[.!?])\s+', t)
    return [re.sub(r'\s+', ' ', p).strip().lower() for p in parts if len(re.sub(r'\W', '', p)) > 3]
def repeats(text):
    s = sentences(text)
    return len(s) != len(set(s))
for path in sys.argv[1:]:
    rows = [json.loads(l) for l in open(path)]
    b = sum(repeats(r['base']) for r in rows); n = sum(repeats(r['new']) for r in rows)
    bc = sum(len(r['base']) for r in rows)/len(rows); nc = sum(len(r['new']) for r in rows)/len(rows)
    print(f"{path}: answers repeating a sentence: base {b} of {len(rows)}, new {n} of {len(rows)}; mean chars base {bc:.0f}, new {nc:.0f}")
