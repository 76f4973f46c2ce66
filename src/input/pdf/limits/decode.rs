//! Bounded decoding of stream filters: the three the PDF library decodes
//! (Flate, LZW, ASCII85), each stopped as soon as its output passes a cap,
//! so a compression bomb is measured without being unpacked.

use flate2::{Decompress, FlushDecompress, Status};

use super::Refusal;

/// `data` decoded through `filters` in order, each stage's output at most
/// `cap` bytes. `Ok(None)`: a filter the library does not decode either,
/// or damaged data (the library reports it).
pub fn chain(filters: &[Vec<u8>], data: &[u8], cap: u64) -> Result<Option<Vec<u8>>, Refusal> {
    let mut current: Option<Vec<u8>> = None;
    for filter in filters {
        let input = current.as_deref().unwrap_or(data);
        let output = match filter.as_slice() {
            b"FlateDecode" => inflate(input, cap)?,
            b"LZWDecode" => lzw(input, cap)?,
            b"ASCII85Decode" => ascii85(input, cap)?,
            _ => None,
        };
        match output {
            Some(bytes) => current = Some(bytes),
            None => return Ok(None),
        }
    }
    Ok(current)
}

/// Fails when `len` bytes are over `cap`.
fn within(len: usize, cap: u64) -> Result<(), Refusal> {
    if len as u64 > cap {
        return Err(Refusal::StreamTooLarge);
    }
    Ok(())
}

/// zlib data inflated, at most `cap` bytes.
fn inflate(data: &[u8], cap: u64) -> Result<Option<Vec<u8>>, Refusal> {
    let mut inflater = Decompress::new(true);
    let mut out = Vec::with_capacity(data.len().min(1 << 20) * 2);
    loop {
        if out.capacity() - out.len() < 32 * 1024 {
            out.reserve(64 * 1024);
        }
        let consumed = inflater.total_in() as usize;
        let before = (inflater.total_in(), inflater.total_out());
        let status = inflater.decompress_vec(
            &data[consumed.min(data.len())..],
            &mut out,
            FlushDecompress::None,
        );
        within(out.len(), cap)?;
        let progressed = before != (inflater.total_in(), inflater.total_out());
        match status {
            Ok(Status::StreamEnd) => return Ok(Some(out)),
            Ok(_) if progressed => {}
            // Truncated data: what came out is what the library gets too.
            Ok(_) => return Ok(Some(out)),
            Err(_) if out.is_empty() => return Ok(None),
            Err(_) => return Ok(Some(out)),
        }
    }
}

/// LZW data (PDF's variant: most significant bit first, early change)
/// decoded, at most `cap` bytes.
fn lzw(data: &[u8], cap: u64) -> Result<Option<Vec<u8>>, Refusal> {
    let mut decoder = weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8);
    let mut out = Vec::new();
    let mut buffer = vec![0u8; 64 * 1024];
    let mut input = data;
    loop {
        let result = decoder.decode_bytes(input, &mut buffer);
        out.extend_from_slice(&buffer[..result.consumed_out]);
        within(out.len(), cap)?;
        input = &input[result.consumed_in..];
        match result.status {
            Ok(weezl::LzwStatus::Ok) if result.consumed_in + result.consumed_out > 0 => {}
            Ok(_) => return Ok(Some(out)),
            Err(_) if out.is_empty() => return Ok(None),
            Err(_) => return Ok(Some(out)),
        }
    }
}

/// ASCII85 data decoded, at most `cap` bytes (`z` stands for four zero
/// bytes, so even this filter expands).
fn ascii85(data: &[u8], cap: u64) -> Result<Option<Vec<u8>>, Refusal> {
    let mut out = Vec::with_capacity(data.len());
    let mut group = [0u8; 5];
    let mut filled = 0;
    for &byte in data {
        match byte {
            b'~' => break,
            b'z' if filled == 0 => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                group[filled] = byte - b'!';
                filled += 1;
                if filled == 5 {
                    out.extend_from_slice(&group_value(&group).to_be_bytes());
                    filled = 0;
                }
            }
            b if b.is_ascii_whitespace() => {}
            _ => return Ok(None),
        }
        within(out.len(), cap)?;
    }
    if filled > 1 {
        // A final partial group is padded with `u` and cut back.
        for slot in group.iter_mut().skip(filled) {
            *slot = b'u' - b'!';
        }
        out.extend_from_slice(&group_value(&group).to_be_bytes()[..filled - 1]);
    }
    Ok(Some(out))
}

/// The 32-bit value of five base-85 digits (wrapping on invalid groups,
/// which only damaged data has).
fn group_value(group: &[u8; 5]) -> u32 {
    group.iter().fold(0u32, |acc, &d| {
        acc.wrapping_mul(85).wrapping_add(u32::from(d))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn names(list: &[&str]) -> Vec<Vec<u8>> {
        list.iter().map(|n| n.as_bytes().to_vec()).collect()
    }

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).expect("in memory");
        e.finish().expect("in memory")
    }

    fn lzw_encode(data: &[u8]) -> Vec<u8> {
        weezl::encode::Encoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8)
            .encode(data)
            .expect("in memory")
    }

    #[test]
    fn each_filter_decodes_and_stops_at_the_cap() {
        let text = b"BT (Ada Lovelace) Tj ET ".repeat(100);
        let cases: Vec<(&str, Vec<&str>, Vec<u8>)> = vec![
            ("flate", vec!["FlateDecode"], zlib(&text)),
            ("lzw", vec!["LZWDecode"], lzw_encode(&text)),
            (
                "ascii85 then flate",
                vec!["ASCII85Decode", "FlateDecode"],
                ascii85_encode(&zlib(&text)),
            ),
        ];
        for (name, filters, data) in cases {
            let filters = names(&filters);
            assert_eq!(
                chain(&filters, &data, 1 << 20),
                Ok(Some(text.clone())),
                "{name}"
            );
            assert_eq!(
                chain(&filters, &data, text.len() as u64 - 1),
                Err(Refusal::StreamTooLarge),
                "{name}"
            );
        }
        assert_eq!(
            chain(&names(&["DCTDecode"]), b"jpeg", 10),
            Ok(None),
            "not decoded by the library"
        );
        assert_eq!(chain(&names(&["FlateDecode"]), b"junk", 10), Ok(None));
        assert_eq!(
            chain(&names(&["ASCII85Decode"]), b"zzzz~>", 15),
            Err(Refusal::StreamTooLarge)
        );
    }

    /// ASCII85 encoding, for the tests.
    fn ascii85_encode(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        for chunk in data.chunks(4) {
            let mut word = [0u8; 4];
            word[..chunk.len()].copy_from_slice(chunk);
            let mut value = u32::from_be_bytes(word);
            let mut digits = [0u8; 5];
            for d in digits.iter_mut().rev() {
                *d = (value % 85) as u8 + b'!';
                value /= 85;
            }
            out.extend_from_slice(&digits[..chunk.len() + 1]);
        }
        out.extend_from_slice(b"~>");
        out
    }
}
