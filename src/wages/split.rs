//! Sharing an amount between a piece's makers by the hours each worked.

/// Splits `total` minor units in proportion to each maker's minutes, with the largest-
/// remainder method: every share is the exact proportion rounded down, and the paise left
/// over go one each to the largest remainders (ties to the earlier maker), so the shares
/// always add up to `total` exactly.
pub fn by_minutes(total: i64, makers: &[(i64, i64)]) -> Vec<(i64, i64)> {
    let all: i128 = makers.iter().map(|(_, m)| *m as i128).sum();
    if all <= 0 {
        return Vec::new();
    }
    let mut shares: Vec<(i64, i64, i128)> = makers
        .iter()
        .map(|(who, m)| {
            let exact = total as i128 * *m as i128;
            (*who, (exact / all) as i64, exact % all)
        })
        .collect();
    let mut left = total - shares.iter().map(|s| s.1).sum::<i64>();
    let mut order: Vec<usize> = (0..shares.len()).collect();
    order.sort_by(|a, b| shares[*b].2.cmp(&shares[*a].2).then(a.cmp(b)));
    for i in order {
        if left == 0 {
            break;
        }
        shares[i].1 += 1;
        left -= 1;
    }
    shares.into_iter().map(|(who, amount, _)| (who, amount)).collect()
}

#[cfg(test)]
mod tests {
    use super::by_minutes;

    #[test]
    fn shares_follow_hours_and_add_up() {
        assert_eq!(by_minutes(300_000, &[(1, 600), (2, 300)]), vec![(1, 200_000), (2, 100_000)]);
        // 100 paise over 3 equal makers: 34 + 33 + 33.
        assert_eq!(by_minutes(100, &[(1, 60), (2, 60), (3, 60)]), vec![(1, 34), (2, 33), (3, 33)]);
        let shares = by_minutes(1_000_001, &[(1, 7), (2, 11), (3, 13)]);
        assert_eq!(shares.iter().map(|s| s.1).sum::<i64>(), 1_000_001);
        assert!(by_minutes(500, &[]).is_empty());
    }
}
