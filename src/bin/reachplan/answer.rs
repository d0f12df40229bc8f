//! `check --json` written by three threads: two judge and serialise the pairs, a row of
//! endpoints at a time (even rows on one, odd rows on the other), while the main thread writes
//! the rows in order. The bytes are those of serialising the streamed answer in one go (the
//! layout of serde_json's pretty printer, each part laid out at its depth, [`out::nested`]);
//! at most a few rows wait in memory at a time.

use std::io::{self, BufWriter, Write};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::thread;

use reachplan::engine::explained::{Explained, Streamed};

use crate::out;

/// Rows each worker may have ready before it waits for the writer.
const AHEAD: usize = 4;

/// Writes the answer on standard output: see the module documentation.
pub fn write(explained: &Explained, answer: &Streamed) -> Result<(), String> {
    let stdout = io::stdout().lock();
    let mut w = BufWriter::with_capacity(1 << 16, stdout);
    let fail = |e: io::Error| out::write_failed(&e);
    let json = |e: serde_json::Error| format!("cannot write JSON: {e}");
    let mut head = b"{\n  \"reachplan\": 1,\n  \"endpoints\": ".to_vec();
    out::nested(&explained.endpoint_ids(), 1, &mut head).map_err(json)?;
    head.extend_from_slice(b",\n  \"pairs\": ");
    w.write_all(&head).map_err(fail)?;
    let rows = explained.endpoint_ids().len();
    if rows < 2 {
        w.write_all(b"[]").map_err(fail)?;
    } else {
        w.write_all(b"[").map_err(fail)?;
        pairs(explained, rows, &mut w)?;
        w.write_all(b"\n  ]").map_err(fail)?;
    }
    let mut tail = Vec::new();
    tail.extend_from_slice(b",\n  \"findings\": ");
    out::nested(&answer.findings, 1, &mut tail).map_err(json)?;
    tail.extend_from_slice(b",\n  \"assumptions\": ");
    out::nested(&answer.assumptions, 1, &mut tail).map_err(json)?;
    tail.extend_from_slice(b",\n  \"intents\": ");
    out::nested(&answer.intents, 1, &mut tail).map_err(json)?;
    tail.extend_from_slice(b"\n}\n");
    w.write_all(&tail).and_then(|()| w.flush()).map_err(fail)
}

/// The pairs of every row, each as `,\n    {...}` (the writer drops the very first comma).
fn pairs(explained: &Explained, rows: usize, w: &mut impl Write) -> Result<(), String> {
    thread::scope(|s| {
        let mut from: Vec<Receiver<Result<Vec<u8>, String>>> = Vec::new();
        for worker in 0..2 {
            let (tx, rx) = sync_channel(AHEAD);
            from.push(rx);
            s.spawn(move || judge_rows(explained, rows, worker, &tx));
        }
        for row in 0..rows {
            let bytes = from[row % 2]
                .recv()
                .map_err(|_| "the pairs stopped being judged".to_string())??;
            let bytes = if row == 0 { &bytes[1..] } else { &bytes[..] };
            w.write_all(bytes).map_err(|e| out::write_failed(&e))?;
        }
        Ok(())
    })
}

/// Judges and serialises rows `worker`, `worker + 2`, … until they are done or the writer
/// stops listening.
fn judge_rows(
    explained: &Explained,
    rows: usize,
    worker: usize,
    tx: &SyncSender<Result<Vec<u8>, String>>,
) {
    for row in (worker..rows).step_by(2) {
        let mut bytes = Vec::with_capacity(1 << 16);
        let mut done = Ok(());
        for pair in explained.row(row) {
            bytes.extend_from_slice(b",\n    ");
            if let Err(e) = out::nested(&pair, 2, &mut bytes) {
                done = Err(format!("cannot write JSON: {e}"));
                break;
            }
        }
        if tx.send(done.map(|()| bytes)).is_err() {
            return;
        }
    }
}
