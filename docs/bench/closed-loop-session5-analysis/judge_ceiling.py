# Offline analysis of the closed loop's cached answers (session 5): reads the TSV that Analyze.java prints
# (one row per answer round and question, the served round first) and prints, per judge variant, how often
# the best of a question's answers beats the served one, and which training pairs each pair choice would make.
# Usage: python3 judge_ceiling.py new4.tsv
import csv,collections,sys
rows=list(csv.DictReader(open(sys.argv[1]),delimiter='\t'))
files=[]
for r in rows:
    if r['file'] not in files: files.append(r['file'])
q=collections.defaultdict(dict)
for r in rows: q[r['id']][r['file']]=r
def v(r,c,u): return u if r[c]=='NA' else float(r[c])

M=0.05
def cmp(a,b):
    d=a-b; return 0 if abs(d)<M else (1 if d>0 else -1)
def pref(a,b): return (cmp(a,b)+1)/2
J={'std':lambda r: float(r['total']),
   '+binding0':lambda r: float(r['total'])+v(r,'binding',0),
   '+binding.5':lambda r: float(r['total'])+v(r,'binding',0.5),
   '+cite0':lambda r: float(r['total'])+v(r,'citation',0),
   '+cite1':lambda r: float(r['total'])+v(r,'citation',1),
   '+bind0+cite0':lambda r: float(r['total'])+v(r,'binding',0)+v(r,'citation',0)}
for name,j in J.items():
    ps=[];ties=0;samp=[]
    for d in q.values():
        g=j(d[files[0]]); best=max(j(d[f]) for f in files if f in d)
        ps.append(pref(best,g))
        for f in files[1:]:
            if f in d: samp.append(pref(j(d[f]),g))
    print("%-14s best-of-%d vs greedy %.1f%% (ties %d/%d); single sample vs greedy %.1f%%, ties %d/%d"%(name,len(files),100*sum(ps)/len(ps),sum(1 for p in ps if p==.5),len(ps),100*sum(samp)/len(samp),sum(1 for p in samp if p==.5),len(samp)))

J2={'ISSUE':J['std'],'BOUND_PRICES':J['+binding0']}
for jn,j in J2.items():
  for choice in ['BEST_WORST','BEST_SERVED','LENGTH_MATCHED']:
    dec=0;short=0;cc=0;rc=0;byi=collections.Counter();served_chosen=0;served_rej=0
    for d in q.values():
        a=[d[f] for f in files]
        t=[j(x) for x in a]; L=[int(x['chars']) for x in a]
        best=0;worst=0
        for k in range(len(a)):
            if t[k]>t[best]: best=k
            if t[k]<t[worst]: worst=k
        if choice=='BEST_SERVED' and best!=0: worst=0
        pair=None
        if choice=='LENGTH_MATCHED':
            pd=10**9;pg=0
            for c in range(len(a)):
                if cmp(t[best],t[c])!=0: continue
                for r in range(len(a)):
                    if cmp(t[c],t[r])!=1: continue
                    df=abs(L[c]-L[r]); g=t[c]-t[r]
                    if df<pd or (df==pd and g>pg): pair=(c,r);pd=df;pg=g
        if pair is None: pair=(best, worst if best!=worst else (1 if best==0 else 0))
        c,r=pair
        if cmp(t[c],t[r])!=0:
            dec+=1; short+= L[c]<L[r]; cc+=L[c]; rc+=L[r]; byi[a[0]['intent']]+=1
            served_chosen+= c==0; served_rej+= r==0
    print(f"{jn:12s} {choice:14s} decided {dec:3d} chosen-shorter {short:3d} chars {cc/max(dec,1):.0f} vs {rc/max(dec,1):.0f} served chosen {served_chosen} rejected {served_rej} {dict(byi)}")
