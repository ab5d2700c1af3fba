//! Reading order from positioned glyphs: glyphs → lines → segments (runs separated by wide
//! gaps) → columns.
//!
//! A column boundary is an x position that no segment crosses over a run of consecutive
//! lines, with many segments on its right starting exactly there (a left-aligned column).
//! Right-aligned dates in a one-column resume leave a gap too, but their left edges vary,
//! so they are not taken for a column.

#[derive(Debug, Clone)]
pub struct Glyph {
    pub x: f64,
    /// Baseline, from the top of the page.
    pub y: f64,
    pub end: f64,
    pub size: f64,
    pub text: String,
}

#[derive(Debug, Clone)]
struct Seg {
    x0: f64,
    x1: f64,
    text: String,
}

#[derive(Debug, Clone)]
struct Line {
    y: f64,
    size: f64,
    segs: Vec<Seg>,
}

/// Gap (in font sizes) above which two runs on one line are separate segments.
const SEG_GAP: f64 = 1.2;
/// Gap (in font sizes) above which a space is inserted between glyphs.
const SPACE_GAP: f64 = 0.1;
/// Fewest lines a column must span.
const MIN_COLUMN_LINES: usize = 3;

pub fn page_text(mut glyphs: Vec<Glyph>, page_width: f64) -> String {
    glyphs.retain(|g| !g.text.trim().is_empty());
    if glyphs.is_empty() {
        return String::new();
    }
    let lines = make_lines(glyphs);
    let mut out = Vec::new();
    flow(&lines, page_width, 0, &mut out);
    render(&out)
}

fn make_lines(mut glyphs: Vec<Glyph>) -> Vec<Line> {
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut groups: Vec<Vec<Glyph>> = Vec::new();
    let mut line_y = f64::NAN;
    let mut line_size: f64 = 0.0;
    for g in glyphs {
        let tol = 0.4 * g.size.min(line_size.max(1.0));
        if groups.is_empty() || (g.y - line_y).abs() > tol {
            line_y = g.y;
            line_size = g.size;
            groups.push(vec![g]);
        } else if let Some(last) = groups.last_mut() {
            line_size = line_size.max(g.size);
            last.push(g);
        }
    }
    groups
        .into_iter()
        .map(|mut gs| {
            gs.sort_by(|a, b| a.x.total_cmp(&b.x));
            let y = gs[0].y;
            let size = gs.iter().map(|g| g.size).fold(0.0, f64::max);
            let mut segs: Vec<Seg> = Vec::new();
            let mut prev: Option<&Glyph> = None;
            for g in &gs {
                match (prev, segs.last_mut()) {
                    (Some(p), Some(seg)) => {
                        // Fake bold: the same glyph printed twice a hair apart.
                        if p.text == g.text && (g.x - p.x).abs() < 0.15 * g.size {
                            continue;
                        }
                        let gap = g.x - seg.x1;
                        let em = g.size.max(p.size);
                        if gap > SEG_GAP * em {
                            segs.push(Seg {
                                x0: g.x,
                                x1: g.end,
                                text: g.text.clone(),
                            });
                        } else {
                            if gap > SPACE_GAP * em {
                                seg.text.push(' ');
                            }
                            seg.text.push_str(&g.text);
                            seg.x1 = seg.x1.max(g.end);
                        }
                    }
                    _ => segs.push(Seg {
                        x0: g.x,
                        x1: g.end,
                        text: g.text.clone(),
                    }),
                }
                prev = Some(g);
            }
            Line { y, size, segs }
        })
        .collect()
}

/// A run of lines split at `x`: `start..end` line indices.
struct Split {
    x: f64,
    start: usize,
    end: usize,
}

fn find_split(lines: &[Line], width: f64) -> Option<Split> {
    let mut cands: Vec<f64> = lines
        .iter()
        .flat_map(|l| l.segs.iter().map(|s| s.x0))
        .filter(|&x| x > 0.15 * width && x < 0.85 * width)
        .collect();
    cands.sort_by(f64::total_cmp);
    cands.dedup_by(|a, b| (*a - *b).abs() < 2.0);
    let mut best: Option<(usize, Split)> = None;
    for &c in &cands {
        let edge = c - 1.0;
        let mut i = 0;
        while i < lines.len() {
            // Longest run of lines from i with no segment crossing the edge.
            let mut j = i;
            let (mut left, mut aligned, mut right) = (0, 0, 0);
            // The run is trimmed to the lines from the first to the last aligned segment:
            // lines after a table belong to what follows it.
            let (mut first_al, mut last_al) = (usize::MAX, i);
            while j < lines.len() {
                let l = &lines[j];
                if l.segs.iter().any(|s| s.x0 < edge && s.x1 > c + 1.0) {
                    break;
                }
                if l.segs.iter().any(|s| s.x1 <= c) {
                    left += 1;
                }
                if let Some(s) = l.segs.iter().find(|s| s.x0 >= edge) {
                    right += 1;
                    if (s.x0 - c).abs() < 2.0 {
                        aligned += 1;
                        first_al = first_al.min(j);
                        last_al = j;
                    }
                }
                j += 1;
            }
            let good = aligned >= MIN_COLUMN_LINES
                && left >= MIN_COLUMN_LINES
                && aligned * 2 >= right
                && last_al + 1 - first_al.min(last_al) > MIN_COLUMN_LINES;
            if good {
                let (start, end) = (first_al, last_al + 1);
                let left_in = lines[start..end].iter().filter(|l| l.segs.iter().any(|s| s.x1 <= c)).count();
                if left_in >= MIN_COLUMN_LINES {
                    let score = left_in.min(right) + aligned;
                    if best.as_ref().is_none_or(|(s, _)| score > *s) {
                        best = Some((score, Split { x: c, start, end }));
                    }
                }
            }
            i = j + 1;
        }
    }
    best.map(|(_, s)| s)
}

/// Lines of text in reading order, each with its baseline and size (for paragraph gaps).
fn flow(lines: &[Line], width: f64, depth: u8, out: &mut Vec<(f64, f64, String)>) {
    let split = if depth < 3 { find_split(lines, width) } else { None };
    let Some(sp) = split else {
        for l in lines {
            let text: Vec<&str> = l.segs.iter().map(|s| s.text.as_str()).collect();
            out.push((l.y, l.size, text.join("  ")));
        }
        return;
    };
    flow(&lines[..sp.start], width, depth + 1, out);
    let side = |keep_left: bool| -> Vec<Line> {
        lines[sp.start..sp.end]
            .iter()
            .filter_map(|l| {
                let segs: Vec<Seg> = l
                    .segs
                    .iter()
                    .filter(|s| (s.x1 <= sp.x + 1.0) == keep_left)
                    .cloned()
                    .collect();
                (!segs.is_empty()).then(|| Line { y: l.y, size: l.size, segs })
            })
            .collect()
    };
    let left = side(true);
    let right = side(false);
    flow(&left, width, depth + 1, out);
    // A paragraph break between the columns.
    out.push((f64::NAN, 0.0, String::new()));
    flow(&right, width, depth + 1, out);
    out.push((f64::NAN, 0.0, String::new()));
    flow(&lines[sp.end..], width, depth + 1, out);
}

fn render(lines: &[(f64, f64, String)]) -> String {
    let mut s = String::new();
    let mut prev: Option<(f64, f64)> = None;
    for (y, size, text) in lines {
        if text.is_empty() {
            s.push('\n');
            prev = None;
            continue;
        }
        if let Some((py, psize)) = prev {
            // A gap of more than ~1.7 lines is a paragraph break.
            if (y - py) > 1.7 * psize.max(*size) {
                s.push('\n');
            }
        }
        if !s.is_empty() {
            s.push('\n');
        }
        s.push_str(text);
        prev = Some((*y, *size));
    }
    s
}
