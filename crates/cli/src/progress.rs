//! Progress bars for long CLI work (hidden when stderr is not a terminal or with --json).

use std::sync::{Arc, Mutex};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::ProgressHandle;

struct Bar {
    bar: Mutex<Option<(ProgressBar, String, u64)>>,
    hidden: bool,
}

pub fn bar(quiet: bool) -> ProgressHandle {
    Arc::new(Bar { bar: Mutex::new(None), hidden: quiet })
}

impl hirekit_ingest::Progress for Bar {
    fn source_started(&self, name: &str, total_bytes: Option<u64>) {
        let pb = match total_bytes {
            Some(n) => ProgressBar::new(n).with_style(
                ProgressStyle::with_template("{spinner} {msg:40!} [{bar:30}] {bytes}/{total_bytes} ({eta})")
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> "),
            ),
            None => ProgressBar::new_spinner(),
        };
        if self.hidden {
            pb.set_draw_target(ProgressDrawTarget::hidden());
        }
        pb.set_message(name.to_string());
        if let Ok(mut b) = self.bar.lock() {
            *b = Some((pb, name.to_string(), 0));
        }
    }
    fn bytes_read(&self, n: u64) {
        if let Ok(b) = self.bar.lock() {
            if let Some((pb, _, _)) = b.as_ref() {
                pb.inc(n);
            }
        }
    }
    fn items_done(&self, n: u64) {
        if let Ok(mut b) = self.bar.lock() {
            if let Some((pb, name, items)) = b.as_mut() {
                *items += n;
                pb.set_message(format!("{name} · {items} postings"));
            }
        }
    }
    fn source_finished(&self, _name: &str) {
        if let Ok(mut b) = self.bar.lock() {
            if let Some((pb, _, _)) = b.take() {
                pb.finish_and_clear();
            }
        }
    }
}
