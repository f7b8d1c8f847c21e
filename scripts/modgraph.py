#!/usr/bin/env python3
"""Top-level module import graph of fairgold's src (`python3 scripts/modgraph.py src [--edges] [--layers]`): prints cycles between top-level modules
(strongly connected components of size > 1) and, with --edges, every cross-module edge with files."""
import os, re, sys
from collections import defaultdict
src = sys.argv[1]; show_edges = '--edges' in sys.argv
def top(path):
    rel = os.path.relpath(path, src)
    parts = rel.split(os.sep)
    name = parts[0]
    return name[:-3] if name.endswith('.rs') else name
edges = defaultdict(set)
pat = re.compile(r'crate::([a-z_][a-z0-9_]*)')
for root, _, files in os.walk(src):
    for f in files:
        if not f.endswith('.rs'): continue
        p = os.path.join(root, f); m = top(p)
        if m in ('lib', 'main'): continue
        text = open(p).read()
        # drop #[cfg(test)] mod tests blocks roughly: cut at '#[cfg(test)]\nmod tests'
        i = text.find('#[cfg(test)]\nmod tests')
        if i >= 0: text = text[:i]
        # expand `use crate::{a, b::c}` groups
        for g in re.finditer(r'crate::\{([^}]*)\}', text):
            for item in re.split(r'[,\s]+', g.group(1)):
                n = item.split('::')[0].strip()
                if n and n != m and re.match(r'^[a-z_][a-z0-9_]*$', n): edges[(m, n)].add(os.path.relpath(p, src))
        for t in pat.findall(text):
            if t != m: edges[(m, t)].add(os.path.relpath(p, src))
graph = defaultdict(set)
for (a, b) in edges: graph[a].add(b)
# Tarjan
index = {}; low = {}; stack = []; on = set(); sccs = []; c = [0]
sys.setrecursionlimit(10000)
def strong(v):
    index[v] = low[v] = c[0]; c[0] += 1; stack.append(v); on.add(v)
    for w in graph.get(v, ()):
        if w not in index: strong(w); low[v] = min(low[v], low[w])
        elif w in on: low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v: break
        sccs.append(comp)
for v in list(graph):
    if v not in index: strong(v)
cyc = [s for s in sccs if len(s) > 1]
print('cycles:', len(cyc))
for s in cyc:
    print('  ', sorted(s))
    for a in s:
        for b in s:
            if (a, b) in edges: print('     ', a, '->', b, sorted(edges[(a, b)]))
if show_edges:
    for (a, b), fs in sorted(edges.items()): print(a, '->', b, ' '.join(sorted(fs)))
if '--layers' in sys.argv:
    lvl = {}
    def level(v):
        if v not in lvl:
            lvl[v] = -1
            outs = [w for w in graph.get(v, ()) if w not in ('text_column', 'stored_as_text') and not (v == 'error' and w == 'web')]
            lvl[v] = 0 if not outs else 1 + max(level(w) for w in outs)
        return lvl[v]
    for v in list(graph): level(v)
    by = defaultdict(list)
    for v, l in lvl.items(): by[l].append(v)
    for l in sorted(by, reverse=True): print(l, ' '.join(sorted(by[l])))
