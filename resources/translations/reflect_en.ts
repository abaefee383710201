<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>FrameworkInfo</source>
        <comment>The wording here is Reflect&apos;s own and has not been checked against the source, so it is not the official text.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Help</source>
        <comment>Reflect {0}
A private journal for leaders of improvement.
Your journal: {1}</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AppraisalDialog</name>
    <message numerus="yes">
        <source>Export waits until each passage that may identify someone is edited away or kept on purpose: %n warning(s) left.</source>
        <translation>
            <numerusform>Export waits until each passage that may identify someone is edited away or kept on purpose: %n warning left.</numerusform>
            <numerusform>Export waits until each passage that may identify someone is edited away or kept on purpose: %n warnings left.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counted</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n framework(s)</source>
        <translation>
            <numerusform>%n framework</numerusform>
            <numerusform>%n frameworks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n were about entries this journal does not have.</source>
        <translation>
            <numerusform>%n was about an entry this journal does not have.</numerusform>
            <numerusform>%n were about entries this journal does not have.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reflect closed before %n piece(s) of writing were kept. Open it in the editor?
(Choose No to discard it.)</source>
        <translation>
            <numerusform>Reflect closed before %n piece of writing was kept. Open it in the editor?
(Choose No to discard it.)</numerusform>
            <numerusform>Reflect closed before %n pieces of writing were kept. Open them in the editor?
(Choose No to discard them.)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n account(s) for appraisal: {0}</source>
        <translation>
            <numerusform>Saved %n account for appraisal: {0}</numerusform>
            <numerusform>Saved %n accounts for appraisal: {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <source>{0} of %n match(es)</source>
        <translation>
            <numerusform>{0} of %n match</numerusform>
            <numerusform>{0} of %n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replaced %n match(es)</source>
        <translation>
            <numerusform>Replaced %n match</numerusform>
            <numerusform>Replaced %n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeatMap</name>
    <message numerus="yes">
        <source>%n entry(s)</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InquiriesPage</name>
    <message numerus="yes">
        <source>…and %n earlier entry(s) in the Journal.</source>
        <translation>
            <numerusform>…and %n earlier entry in the Journal.</numerusform>
            <numerusform>…and %n earlier entries in the Journal.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalFiles</name>
    <message numerus="yes">
        <source>Imported %n new item(s).</source>
        <translation>
            <numerusform>Imported %n new item.</numerusform>
            <numerusform>Imported %n new items.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entry(s) to {0}.</source>
        <translation>
            <numerusform>Exported %n entry to {0}.</numerusform>
            <numerusform>Exported %n entries to {0}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message numerus="yes">
        <source>Delete %n entry(s) for good? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %n entry for good? This cannot be undone.</numerusform>
            <numerusform>Delete %n entries for good? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n entry(s) for good.</source>
        <translation>
            <numerusform>Deleted %n entry for good.</numerusform>
            <numerusform>Deleted %n entries for good.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LineChart</name>
    <message numerus="yes">
        <source>%n self-assessment(s) from {0} to {1}.</source>
        <translation>
            <numerusform>%n self-assessment from {0} to {1}.</numerusform>
            <numerusform>%n self-assessments from {0} to {1}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintFlow</name>
    <message numerus="yes">
        <source>Saved %n entry(s) as a PDF: {0}</source>
        <translation>
            <numerusform>Saved %n entry as a PDF: {0}</numerusform>
            <numerusform>Saved %n entries as a PDF: {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n entry(s) to the printer.</source>
        <translation>
            <numerusform>Sent %n entry to the printer.</numerusform>
            <numerusform>Sent %n entries to the printer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message numerus="yes">
        <source>You are holding %n inquiry(s). Focus usually beats breadth: one inquiry a mile deep teaches more than many a mile wide. Could one pause?</source>
        <translation>
            <numerusform>You are holding %n inquiry. Focus usually beats breadth: one inquiry a mile deep teaches more than many a mile wide. Could one pause?</numerusform>
            <numerusform>You are holding %n inquiries. Focus usually beats breadth: one inquiry a mile deep teaches more than many a mile wide. Could one pause?</numerusform>
        </translation>
    </message>
</context>
</TS>
