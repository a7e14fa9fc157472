// Each .eml as postal-mime (a MIME parser written for Node.js and browsers, no code shared with Python's
// `email`) reads it: one JSON line per file with the headers, the text and each attachment's name, type,
// size and SHA-256. (postal-mime hands a calendar over with LF line ends and its METHOD parameter.)
const PostalMime = require('postal-mime');
const fs = require('fs');
const crypto = require('crypto');

async function main() {
  for (const file of process.argv.slice(2)) {
    const email = await PostalMime.parse(fs.readFileSync(file));
    const header = (name) => (email.headers.find((h) => h.key === name) || {}).value || null;
    const bytes = (content) => Buffer.from(content instanceof ArrayBuffer ? new Uint8Array(content) : content);
    console.log(JSON.stringify({
      file,
      from: email.from,
      to: email.to,
      subject: email.subject,
      messageId: email.messageId,
      unsent: header('x-unsent'),
      text: email.text,
      attachments: email.attachments.map((a) => ({
        filename: a.filename,
        mimeType: a.mimeType,
        method: a.method || null,
        size: bytes(a.content).length,
        sha256: crypto.createHash('sha256').update(bytes(a.content)).digest('hex'),
      })),
    }));
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
