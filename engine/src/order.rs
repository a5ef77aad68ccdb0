//! One stable sort for the engine's short lists (missing inputs, a file's problems, packs and their
//! versions, a question's choices: tens of items, a few hundred at most). The standard library's
//! stable sort is instantiated once per element type, about 3 KB of wasm each; four of them cost
//! the page several KB of its first load, where this insertion sort costs a few hundred bytes in
//! all (measured side by side in BENCHMARKS.md, issue #12).

/// Sorts `items` so that no item comes after one it is `less` than; equal items keep their order.
pub fn sort_stable_by<T>(items: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && less(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sort_stable_by;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Every list of up to 7 keys from 0..3, tagged with their place: equal keys keep it.
        for len in 0..=7u32 {
            for code in 0..3u32.pow(len) {
                let items: Vec<(u32, usize)> =
                    (0..len).map(|i| ((code / 3u32.pow(i)) % 3, i as usize)).collect();
                let mut ours = items.clone();
                sort_stable_by(&mut ours, |a, b| a.0 < b.0);
                let mut std = items;
                std.sort_by_key(|item| item.0);
                assert_eq!(ours, std);
            }
        }
    }
}
