//! A small writer of escaped HTML. The report and the rules are static documents regenerated whole
//! whenever an input changes; writing them as one escaped string and setting it once is smaller
//! and faster than building and diffing hundreds of reactive nodes. Every text goes through
//! `escape`, so nothing a user types can become markup.

use std::fmt::Write;

#[derive(Default)]
pub struct Html(String);

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

impl Html {
    /// `<tag a="v">`; attribute values are escaped.
    pub fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            let _ = write!(self.0, " {name}=\"{}\"", escape(value));
        }
        self.0.push('>');
        self
    }

    pub fn close(&mut self, tag: &str) -> &mut Self {
        let _ = write!(self.0, "</{tag}>");
        self
    }

    pub fn text(&mut self, text: &str) -> &mut Self {
        self.0.push_str(&escape(text));
        self
    }

    /// `<tag attrs>text</tag>`
    pub fn el(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// A heading and a list, or nothing when the list is empty.
    pub fn list(&mut self, class: &str, heading: &str, items: &[String]) -> &mut Self {
        if !items.is_empty() {
            self.open("div", &[("class", class)]).el("h4", &[], heading).open("ul", &[]);
            for item in items {
                self.el("li", &[], item);
            }
            self.close("ul").close("div");
        }
        self
    }

    /// Markup written by this program itself (never anything a user typed).
    pub fn raw(&mut self, markup: &str) -> &mut Self {
        self.0.push_str(markup);
        self
    }

    pub fn finish(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_cannot_become_markup() {
        let mut html = Html::default();
        html.el("p", &[("title", "\"><script>")], "<img src=x onerror=alert(1)> & 'quoted'");
        assert_eq!(
            html.finish(),
            "<p title=\"&quot;&gt;&lt;script&gt;\">&lt;img src=x onerror=alert(1)&gt; &amp; &#39;quoted&#39;</p>"
        );
    }
}
