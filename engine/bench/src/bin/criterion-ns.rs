//! criterion-ns ESTIMATES.json: prints criterion's median time (ns) from an estimates file, so the
//! bench script needs no JSON tool.

fn main() {
    let path = std::env::args().nth(1).expect("usage: criterion-ns ESTIMATES.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let ns = json["median"]["point_estimate"].as_f64().unwrap_or_else(|| panic!("{path}: no median"));
    println!("{ns}");
}
