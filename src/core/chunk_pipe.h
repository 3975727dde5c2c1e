// A body made on its own thread and handed over piece by piece (exports): the maker runs at
// most a few pieces ahead of the reader, so memory stays flat however large the body is.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "core/error.h"

namespace sen {

// What the maker calls for each piece; false when the reader has gone (stop making).
using EmitPiece = std::function<bool(std::string piece)>;
// What the reader calls for the next piece; false after the last one. It waits while the maker
// catches up. Dropping the last copy of it stops the maker (its next Emit returns false) and
// waits for its thread to end. When the maker throws, the reader throws std::runtime_error
// after the pieces made before: a body cut short must not look complete.
using NextPiece = std::function<bool(std::string& piece)>;

// How large a maker lets a piece grow before it hands it over.
constexpr std::size_t kPieceBytes = 64 << 10;

// At most this many bodies are made at once in a process. Each maker holds a database reader
// for the whole download, at the client's pace: without a bound, enough downloads would take
// every reader and stop every other request (they all read), the downloads' own included.
constexpr int kMaxPipes = 4;

// Starts `maker` on a thread of its own; nullopt when kMaxPipes bodies are being made already
// (the caller answers "try again").
std::optional<NextPiece> StartPipe(std::function<void(const EmitPiece& emit)> maker,
                                   std::size_t max_pieces_ahead = 8);

// For a maker that appends to `piece`: hands it over once it holds kPieceBytes, then empties it
// (keeping its capacity). Throws when the reader has gone, to stop the maker.
void EmitWhenFull(std::string& piece, const EmitPiece& emit);

// A file to download, sent while it is made (an export, an import's rejected rows).
struct StreamedFile {
  std::string filename;
  std::string content_type;
  NextPiece body;
};

// `file` with its body made by `maker`; 503 when kMaxPipes bodies are being made already.
Result<StreamedFile> StartFile(StreamedFile file, std::function<void(const EmitPiece& emit)> maker);

}  // namespace sen
