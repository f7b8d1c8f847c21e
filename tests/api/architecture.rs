//! ARCHITECTURE.md's promise, checked: imports between the top-level modules of `src/` run one
//! way. The test reads every `crate::…` path in the source (outside `#[cfg(test)] mod tests`),
//! builds the graph of top-level modules and fails naming any cycle that spans two of them —
//! except `error` ↔ `web`, which goes through `web/form.rs`, a file that imports nothing from
//! the crate (so no two files form a cycle).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// (from, to) → the files with that import.
type Edges = BTreeMap<(String, String), BTreeSet<String>>;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn top_module(src: &Path, file: &Path) -> String {
    let first = file.strip_prefix(src).unwrap().components().next().unwrap();
    first.as_os_str().to_string_lossy().trim_end_matches(".rs").to_string()
}

/// The modules a piece of source names as `crate::name`, including `crate::{a, b::c}` groups.
fn named_modules(code: &str) -> BTreeSet<String> {
    let ident = |s: &str| s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>();
    let mut names = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            names.extend(inner.split(',').map(|item| ident(item.trim())).filter(|n| !n.is_empty()));
        } else {
            names.insert(ident(rest));
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

fn edges() -> (Edges, BTreeSet<String>) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<String> =
        files.iter().map(|f| top_module(&src, f)).filter(|m| m != "lib" && m != "main").collect();
    let mut edges = Edges::new();
    for file in &files {
        let from = top_module(&src, file);
        if from == "lib" || from == "main" {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap();
        let code = text.split("#[cfg(test)]\nmod tests").next().unwrap();
        for to in named_modules(code) {
            // Only real modules: `crate::text_column!` and the like are macros.
            if to != from && modules.contains(&to) {
                let shown = file.strip_prefix(&src).unwrap().display().to_string();
                edges.entry((from.clone(), to)).or_default().insert(shown);
            }
        }
    }
    (edges, modules)
}

/// Strongly connected components with more than one module (Tarjan).
fn cycles(modules: &BTreeSet<String>, edges: &Edges) -> Vec<BTreeSet<String>> {
    struct Walk<'a> {
        next: BTreeMap<&'a str, Vec<&'a str>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: Vec<BTreeSet<String>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, v: &'a str) {
            let n = self.index.len();
            self.index.insert(v, n);
            self.low.insert(v, n);
            self.stack.push(v);
            self.on_stack.insert(v);
            for w in self.next.get(v).cloned().unwrap_or_default() {
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let low = self.low[v].min(self.low[w]);
                    self.low.insert(v, low);
                } else if self.on_stack.contains(w) {
                    let low = self.low[v].min(self.index[w]);
                    self.low.insert(v, low);
                }
            }
            if self.low[v] == self.index[v] {
                let mut component = BTreeSet::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack.remove(w);
                    component.insert(w.to_string());
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 {
                    self.found.push(component);
                }
            }
        }
    }
    let mut walk = Walk {
        next: BTreeMap::new(),
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for (from, to) in edges.keys() {
        walk.next.entry(from.as_str()).or_default().push(to.as_str());
    }
    for m in modules {
        if !walk.index.contains_key(m.as_str()) {
            walk.visit(m.as_str());
        }
    }
    walk.found
}

#[test]
fn the_import_graph_is_read_from_the_source() {
    // The reader must see the imports it is there to judge (a test that finds no edge passes
    // trivially): the checkout places orders, and everything reports errors.
    let (edges, modules) = edges();
    assert!(modules.contains("orders") && modules.contains("wages") && modules.len() > 25, "{modules:?}");
    assert!(edges.contains_key(&("checkout".into(), "orders".into())));
    assert!(edges.contains_key(&("orders".into(), "wages".into())));
    assert_eq!(
        named_modules("use crate::{db, web::form::FieldErrors};\nlet x = crate::money::round_minor(d);"),
        ["db", "money", "web"].into_iter().map(String::from).collect()
    );
    // A cycle is found when there is one.
    let mut with_cycle = edges.clone();
    with_cycle.insert(("wages".into(), "orders".into()), BTreeSet::new());
    assert!(cycles(&modules, &with_cycle).iter().any(|c| c.contains("orders") && c.contains("wages")));
}

#[test]
fn no_import_cycle_spans_two_top_level_modules() {
    let (edges, modules) = edges();
    // `error` holds `web::form::FieldErrors`; `web/form.rs` imports nothing from the crate.
    let form = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web/form.rs")).unwrap();
    assert!(named_modules(&form).is_empty(), "src/web/form.rs must stay a leaf: {:?}", named_modules(&form));
    let allowed: BTreeSet<String> = ["error", "web"].into_iter().map(String::from).collect();
    let bad: Vec<String> = cycles(&modules, &edges)
        .into_iter()
        .filter(|c| *c != allowed)
        .map(|c| {
            let members: Vec<String> = edges
                .iter()
                .filter(|((a, b), _)| c.contains(a) && c.contains(b))
                .map(|((a, b), files)| {
                    format!("  {a} -> {b} ({})", files.iter().cloned().collect::<Vec<_>>().join(", "))
                })
                .collect();
            format!("{c:?}\n{}", members.join("\n"))
        })
        .collect();
    assert!(bad.is_empty(), "import cycles between top-level modules:\n{}", bad.join("\n"));
}
