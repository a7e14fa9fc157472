// Every timed occurrence Thunderbird's engine (ical.js) shows, as "startISO endISO" lines in UTC.
const ICAL = require('ical.js');
const fs = require('fs');
for (const file of process.argv.slice(2)) {
  const comp = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')));
  for (const vtz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
  const vevents = comp.getAllSubcomponents('vevent');
  const masters = new Map();
  const exceptions = [];
  for (const v of vevents) {
    const e = new ICAL.Event(v);
    if (e.isRecurrenceException()) exceptions.push(e); else masters.set(e.uid, e);
  }
  for (const ex of exceptions) { const m = masters.get(ex.uid); if (m) m.relateException(ex); else masters.set(ex.uid + ex.recurrenceId, ex); }
  const out = [];
  for (const e of masters.values()) {
    if (e.startDate.isDate) continue;
    if (e.isRecurring()) {
      const it = e.iterator(); let next; let n = 0;
      while ((next = it.next()) && n++ < 5000) {
        const d = e.getOccurrenceDetails(next);
        out.push(d.startDate.toJSDate().toISOString() + ' ' + d.endDate.toJSDate().toISOString());
      }
    } else {
      out.push(e.startDate.toJSDate().toISOString() + ' ' + e.endDate.toJSDate().toISOString());
    }
  }
  console.log('#' + file + ' ' + out.length);
  for (const l of out) console.log(l);
}
