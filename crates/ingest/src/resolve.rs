//! SOURCE arguments → concrete targets (files and URLs).

use std::path::{Path, PathBuf};

use hirekit_model::SourceKind;
use hirekit_sources::Context;

use crate::Failure;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The kind named by a `kind:` prefix, if any.
    pub kind: Option<SourceKind>,
    /// Absolute path or URL: the source's identity in the store.
    pub location: String,
    /// How the user wrote it (for messages).
    pub display: String,
}

impl Target {
    pub fn is_url(&self) -> bool {
        self.location.starts_with("http://") || self.location.starts_with("https://")
    }

    /// A short name such as "greenhouse:acme" (or the file name when no company is known).
    pub fn name(&self, kind: SourceKind) -> String {
        match hirekit_sources::company_hint(&self.location) {
            Some(c) => format!("{kind}:{c}"),
            None => {
                let base = self.location.trim_end_matches('/').rsplit(['/', '\\']).next().unwrap_or(&self.location);
                format!("{kind}:{base}")
            }
        }
    }

    pub fn context(&self) -> Context {
        context_for(&self.display, &self.location)
    }
}

/// The parsing context for a source: its display name and a company name from its board
/// token ("acme-corp" → "Acme Corp"). Renormalize must rebuild exactly this context.
pub fn context_for(display: &str, location: &str) -> Context {
    Context {
        source: display.to_string(),
        company: hirekit_sources::company_hint(location).map(|t| hirekit_sources::company_display_name(&t)),
    }
}

#[derive(Debug, Default)]
pub struct Resolved {
    pub targets: Vec<Target>,
    pub failures: Vec<Failure>,
}

/// Expand one SOURCE argument: a URL, a file, or a folder (every file below it, sorted).
pub fn resolve(spec: &str) -> Resolved {
    let mut out = Resolved::default();
    let (kind, loc) = hirekit_sources::split_prefix(spec);
    if loc.starts_with("http://") || loc.starts_with("https://") {
        out.targets.push(Target { kind, location: loc.to_string(), display: spec.to_string() });
        return out;
    }
    let path = Path::new(loc);
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            out.failures.push(Failure { source: spec.to_string(), item: String::new(), reason: format!("cannot open: {e}") });
            return out;
        }
    };
    if meta.is_dir() {
        let mut files = Vec::new();
        walk(path, &mut files, &mut out.failures);
        files.sort();
        for f in files {
            let display = f.display().to_string();
            out.targets.push(Target { kind, location: absolute(&f), display });
        }
    } else {
        out.targets.push(Target { kind, location: absolute(path), display: loc.to_string() });
    }
    out
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, failures: &mut Vec<Failure>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            failures.push(Failure { source: dir.display().to_string(), item: String::new(), reason: format!("cannot list: {e}") });
            return;
        }
    };
    for entry in entries.flatten() {
        let p = entry.path();
        let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(&p, files, failures),
            Ok(t) if t.is_file() => files.push(p),
            _ => {}
        }
    }
}

fn absolute(p: &Path) -> String {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf()).display().to_string()
}
