//! HTML → clean text: tags to line structure, character references decoded, mojibake fixed.
mod entities;
mod html;
mod mojibake;

pub use entities::{decode_entities, escape_html};
pub use html::html_to_text;
pub use mojibake::fix_mojibake;
