//! gen-profiles COUNT [SEED]: COUNT varied, valid profiles (format 2) as JSON Lines on stdout, the
//! same ones for the same seed. Input for timing `estimate --batch`. About a third of the companies
//! are in Shenzhen, with random answers to the Shenzhen pack's questions.

use std::io::{self, BufWriter, Write};
use subsidy_engine_bench::{library, Generator, Shape};

fn main() -> io::Result<()> {
    let mut args = std::env::args().skip(1);
    let count: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(2025);
    let lib = library();
    let mut generator = Generator::new(seed, Shape::Varied);
    let mut out = BufWriter::new(io::stdout().lock());
    for index in 0..count {
        let profile = generator.profile(index);
        let text = profile.to_json_compact(lib);
        assert!(profile.validate(lib).is_empty(), "generated an invalid profile: {text}");
        out.write_all(text.as_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()
}
