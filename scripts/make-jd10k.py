# 10,000 JD files for the `hirekit jd lint` benchmark (docs/BENCHMARKS.md): the real JDs of
# ../shared/data (read in place), repeated, written to /tmp/jd10k.
import csv, json, os, html, sys
import pathlib
d=os.environ.get('HIREKIT_SHARED_DATA', str(pathlib.Path(__file__).resolve().parents[2] / 'shared' / 'data')) + '/jobs'
if not os.path.isdir(d):
    sys.exit(f'skip: {d} is absent (set HIREKIT_SHARED_DATA)')
docs=[]
with open(f'{d}/linkedin_2023_2024_sample_1000.csv', newline='') as f:
    for r in csv.DictReader(f):
        if r.get('description','').strip(): docs.append(r['description'])
for j in json.load(open(f'{d}/greenhouse_lever_board_jobs_2025_11_480.json')):
    t=html.unescape(j.get('description') or '')
    if t.strip(): docs.append(t)
os.makedirs('/tmp/jd10k', exist_ok=True)
for i in range(10000):
    ext = 'html' if '<' in docs[i % len(docs)][:2000] else 'md'
    open(f'/tmp/jd10k/jd{i:05}.{ext}','w').write(docs[i % len(docs)])
print(len(docs), 'distinct JDs → 10000 files in /tmp/jd10k')
