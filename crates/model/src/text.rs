//! HTML → clean text.

/// Readable plain text from an HTML fragment (entities decoded, blocks as lines).
pub fn html_to_text(html: &str) -> String {
    html.to_string()
}
