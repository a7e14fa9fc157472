<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgendaTab</name>
    <message numerus="yes">
        <source>⚠ %n conflict(s) (warnings; nothing is blocked):</source>
        <translation>
            <numerusform>⚠ %n conflict (warnings; nothing is blocked):</numerusform>
            <numerusform>⚠ %n conflicts (warnings; nothing is blocked):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttendanceDocs</name>
    <message numerus="yes">
        <source>{eligible} of %n registered are eligible (rule: {rule}).</source>
        <translation>
            <numerusform>{eligible} of %n registered is eligible (rule: {rule}).</numerusform>
            <numerusform>{eligible} of %n registered are eligible (rule: {rule}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>{present} of %n present</source>
        <translation>
            <numerusform>{present} of %n present</numerusform>
            <numerusform>{present} of %n present</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> — %n new code(s) issued</source>
        <translation>
            <numerusform> — %n new code issued</numerusform>
            <numerusform> — %n new codes issued</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) of {title}</source>
        <translation>
            <numerusform>%n registration of {title}</numerusform>
            <numerusform>%n registrations of {title}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n calendar event(s) of {title}</source>
        <translation>
            <numerusform>%n calendar event of {title}</numerusform>
            <numerusform>%n calendar events of {title}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> — once the %n problem(s) are fixed</source>
        <translation>
            <numerusform> — once the %n problem is fixed</numerusform>
            <numerusform> — once the %n problems are fixed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n on the waiting list</source>
        <translation>
            <numerusform>, %n on the waiting list</numerusform>
            <numerusform>, %n on the waiting list</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{start} – {end} (%n day(s), times in {zone})</source>
        <translation>
            <numerusform>{start} – {end} (%n day, times in {zone})</numerusform>
            <numerusform>{start} – {end} (%n days, times in {zone})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (+%n day(s))</source>
        <translation>
            <numerusform> (+%n day)</numerusform>
            <numerusform> (+%n days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting list (%n), first come first served: </source>
        <translation>
            <numerusform>Waiting list (%n), first come first served: </numerusform>
            <numerusform>Waiting list (%n), first come first served: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{document}: %n page(s), {path}</source>
        <translation>
            <numerusform>{document}: %n page, {path}</numerusform>
            <numerusform>{document}: %n pages, {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CurriculumPageView</name>
    <message numerus="yes">
        <source>%n seminar(s) in this curriculum. Choose one in the tree to edit it.</source>
        <translation>
            <numerusform>%n seminar in this curriculum. Choose it in the tree to edit it.</numerusform>
            <numerusform>%n seminars in this curriculum. Choose one in the tree to edit it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message numerus="yes">
        <source>{source}: {found}; %n row(s) after the header (row 1). The header names chose the fields below; change any.</source>
        <translation>
            <numerusform>{source}: {found}; %n row after the header (row 1). The header names chose the fields below; change any.</numerusform>
            <numerusform>{source}: {found}; %n rows after the header (row 1). The header names chose the fields below; change any.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>People already stored whom the file describes differently: %n</source>
        <translation>
            <numerusform>People already stored whom the file describes differently: %n</numerusform>
            <numerusform>People already stored whom the file describes differently: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n curricula</source>
        <translation>
            <numerusform>%n curriculum</numerusform>
            <numerusform>%n curricula</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaperEntry</name>
    <message numerus="yes">
        <source>%n response(s) typed in this window</source>
        <translation>
            <numerusform>%n response typed in this window</numerusform>
            <numerusform>%n responses typed in this window</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message numerus="yes">
        <source>{title}: %n page(s)</source>
        <translation>
            <numerusform>{title}: %n page</numerusform>
            <numerusform>{title}: %n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{title}: %n page(s) sent to the printer</source>
        <translation>
            <numerusform>{title}: %n page sent to the printer</numerusform>
            <numerusform>{title}: %n pages sent to the printer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeopleDirectory</name>
    <message numerus="yes">
        <source>%n+ people matching “{text}” (scroll for more)</source>
        <translation>
            <numerusform>%n+ people matching “{text}” (scroll for more)</numerusform>
            <numerusform>%n+ people matching “{text}” (scroll for more)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n+ people (scroll for more)</source>
        <translation>
            <numerusform>%n+ people (scroll for more)</numerusform>
            <numerusform>%n+ people (scroll for more)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people matching “{text}”</source>
        <translation>
            <numerusform>%n person matching “{text}”</numerusform>
            <numerusform>%n people matching “{text}”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message numerus="yes">
        <source>Outcome report saved to {path}: %n page(s)</source>
        <translation>
            <numerusform>Outcome report saved to {path}: %n page</numerusform>
            <numerusform>Outcome report saved to {path}: %n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Outcome report saved to {path}: %n sheet(s)</source>
        <translation>
            <numerusform>Outcome report saved to {path}: %n sheet</numerusform>
            <numerusform>Outcome report saved to {path}: %n sheets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnexpectedErrors</name>
    <message numerus="yes">
        <source>%n more error(s) since this one.</source>
        <translation>
            <numerusform>%n more error since this one.</numerusform>
            <numerusform>%n more errors since this one.</numerusform>
        </translation>
    </message>
</context>
</TS>
