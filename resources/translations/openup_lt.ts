<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="lt_LT" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About OpenUp Desk</source>
        <translation>Apie OpenUp Desk</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versija %1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Duomenų bazė: %1</translation>
    </message>
    <message>
        <source>OpenUp Desk is free software under the %1 licence.</source>
        <translation>OpenUp Desk yra laisva programinė įranga, platinama pagal %1 licenciją.</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>Programinės įrangos bibliotekos</translation>
    </message>
    <message>
        <source>Font %1</source>
        <translation>Šriftas %1</translation>
    </message>
</context>
<context>
    <name>AttendanceView</name>
    <message>
        <source>◀ Back to the month</source>
        <translation>◀ Atgal į mėnesį</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Vaikas</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Lankomumas</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Registracija</translation>
    </message>
    <message>
        <source>Nobody is recorded for this session yet. Add the children who came.</source>
        <translation>Šiame užsiėmime dar niekas neužregistruotas. Pridėkite atėjusius vaikus.</translation>
    </message>
    <message>
        <source>Type a few letters of a name</source>
        <translation>Įveskite kelias vardo raides</translation>
    </message>
    <message>
        <source>Add as present</source>
        <translation>Pridėti kaip dalyvavusį</translation>
    </message>
    <message>
        <source>Add a child who came</source>
        <translation>Pridėti atėjusį vaiką</translation>
    </message>
    <message>
        <source>Visitors not registered by name</source>
        <translation>Vardu neužregistruoti lankytojai</translation>
    </message>
    <message>
        <source>Saved as you change it.</source>
        <translation>Išsaugoma iškart, kai pakeičiate.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>led by %1</source>
        <translation>veda %1</translation>
    </message>
    <message>
        <source>This session did not occur, so its attendance cannot be changed. Use “Back to planned” in the month list if it took place after all.</source>
        <translation>Šis užsiėmimas neįvyko, todėl jo lankomumo keisti negalima. Jei jis vis dėlto įvyko, mėnesio sąraše spauskite „Atgal į suplanuotus“.</translation>
    </message>
    <message>
        <source>Enrolled in this training cycle</source>
        <translation>Įtrauktas į šį mokymų ciklą</translation>
    </message>
    <message>
        <source>Present %1 · late %2 · excused %3 · absent %4</source>
        <translation>Dalyvavo %1 · vėlavo %2 · pateisinta %3 · nedalyvavo %4</translation>
    </message>
    <message>
        <source>not marked %1</source>
        <translation>nepažymėta %1</translation>
    </message>
    <message>
        <source>— not marked —</source>
        <translation>— nepažymėta —</translation>
    </message>
    <message>
        <source>%1: %2, saved.</source>
        <translation>%1: %2, išsaugota.</translation>
    </message>
    <message>
        <source>%1 (born %2)</source>
        <translation>%1 (gim. %2)</translation>
    </message>
    <message>
        <source>%1 — already on the list</source>
        <translation>%1 — jau sąraše</translation>
    </message>
    <message>
        <source>%1 is already on the list.</source>
        <translation>%1 jau yra sąraše.</translation>
    </message>
    <message>
        <source>%1 was added as present.</source>
        <translation>Pažymėta, kad dalyvavo: %1.</translation>
    </message>
</context>
<context>
    <name>AuditCheck</name>
    <message>
        <source>{events} events, chain intact.</source>
        <translation>Įvykių: {events}; grandinė nepažeista.</translation>
    </message>
    <message>
        <source>The audit log is broken at event #{event} ({time}): it was changed after it was written.</source>
        <translation>Audito žurnalas pažeistas ties įvykiu #{event} ({time}): jis pakeistas po įrašymo.</translation>
    </message>
    <message>
        <source>The audit log is broken at event #{event} ({time}): an event before it was removed, or one was added outside the program.</source>
        <translation>Audito žurnalas pažeistas ties įvykiu #{event} ({time}): prieš jį buvęs įvykis ištrintas arba įvykis pridėtas ne programoje.</translation>
    </message>
    <message>
        <source>The audit log is broken at event #{event} ({time}): it was written outside the program.</source>
        <translation>Audito žurnalas pažeistas ties įvykiu #{event} ({time}): jis įrašytas ne programoje.</translation>
    </message>
    <message>
        <source>The audit log is broken after event #{event} ({time}): the newest events were removed.</source>
        <translation>Audito žurnalas pažeistas po įvykio #{event} ({time}): naujausi įvykiai ištrinti.</translation>
    </message>
    <message>
        <source>The audit log is broken at event #{event} ({time}): it and any after it were added outside the program.</source>
        <translation>Audito žurnalas pažeistas ties įvykiu #{event} ({time}): jis ir visi vėlesni pridėti ne programoje.</translation>
    </message>
    <message>
        <source>The audit log is broken: all its events were removed.</source>
        <translation>Audito žurnalas pažeistas: visi jo įvykiai ištrinti.</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <source>Audit log</source>
        <translation>Audito žurnalas</translation>
    </message>
    <message>
        <source>Search the descriptions, actions and names</source>
        <translation>Ieškoti aprašymuose, veiksmuose ir varduose</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Visi</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>Visi įrašai</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Kas</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Įrašas</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Nuo</translation>
    </message>
    <message>
        <source>to</source>
        <translation>iki</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>bet kuri diena</translation>
    </message>
    <message>
        <source>Shown: the newest %1; narrow the filters to see older events</source>
        <translation>Rodomi naujausi %1; susiaurinkite filtrus, kad matytumėte senesnius įvykius</translation>
    </message>
    <message>
        <source>Shown: %1</source>
        <translation>Rodoma: %1</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Tikrinti dabar</translation>
    </message>
    <message>
        <source>Check every event against the chain: was any removed, changed or added?</source>
        <translation>Patikrinti kiekvieną įvykį pagal grandinę: ar kuris nors ištrintas, pakeistas ar pridėtas?</translation>
    </message>
    <message>
        <source>The audit log has not been checked yet.</source>
        <translation>Audito žurnalas dar nepatikrintas.</translation>
    </message>
    <message>
        <source>Last checked intact: %1</source>
        <translation>Paskutinis patikrinimas be pažeidimų: %1</translation>
    </message>
    <message>
        <source>It was never found intact.</source>
        <translation>Nė vienas patikrinimas nerado jo nepažeisto.</translation>
    </message>
    <message>
        <source>Checked: %1.</source>
        <translation>Patikrinta: %1.</translation>
    </message>
    <message>
        <source>Checking the audit log…</source>
        <translation>Tikrinamas audito žurnalas…</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>When</source>
        <translation>Kada</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Kas</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Ką</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Įrašas</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Aprašymas</translation>
    </message>
    <message>
        <source>Old → new</source>
        <translation>Buvo → tapo</translation>
    </message>
    <message>
        <source>(direct database access)</source>
        <translation>(tiesioginė prieiga prie duomenų bazės)</translation>
    </message>
</context>
<context>
    <name>AwayBanner</name>
    <message>
        <source>The server has not answered since %1. The desk goes on: scans are saved on this laptop (%2 waiting) and sent when the server answers.</source>
        <translation>Serveris neatsako nuo %1. Darbas tęsiamas: skenavimai išsaugomi šiame kompiuteryje (laukia: %2) ir bus išsiųsti, kai serveris atsakys.</translation>
    </message>
</context>
<context>
    <name>AwayDesk</name>
    <message>
        <source>Saved on this laptop, not yet sent.</source>
        <translation>Išsaugota šiame kompiuteryje, dar neišsiųsta.</translation>
    </message>
    <message>
        <source>This can be done again when the server answers.</source>
        <translation>Tai bus galima padaryti, kai serveris vėl atsakys.</translation>
    </message>
</context>
<context>
    <name>BackupsGroup</name>
    <message>
        <source>Backups</source>
        <translation>Atsarginės kopijos</translation>
    </message>
    <message>
        <source>This database is on a PostgreSQL server: backups are the server&apos;s job, and this program does not make them. The command for this database (it asks for the password):</source>
        <translation>Ši duomenų bazė yra PostgreSQL serveryje: atsargines kopijas daro serveris, o ne ši programa. Komanda šiai duomenų bazei (ji paklaus slaptažodžio):</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sukurti kopiją dabar</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Atkurti…</translation>
    </message>
    <message>
        <source>An administrator makes and restores backups.</source>
        <translation>Atsargines kopijas daro ir atkuria administratorius.</translation>
    </message>
    <message>
        <source>Backups folder</source>
        <translation>Kopijų aplankas</translation>
    </message>
    <message>
        <source>Newest backup</source>
        <translation>Naujausia kopija</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>dar nėra</translation>
    </message>
    <message>
        <source>Backed up and checked: %1</source>
        <translation>Kopija sukurta ir patikrinta: %1</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Atkurti iš kopijos</translation>
    </message>
    <message>
        <source>Database copies (*.sqlite3);;All files (*)</source>
        <translation>Duomenų bazės kopijos (*.sqlite3);;Visi failai (*)</translation>
    </message>
    <message>
        <source>Replace every record with the copy %1? The records as they are now are kept in the backups folder first. Close the program on every other computer that uses this database file before you go on.</source>
        <translation>Pakeisti visus įrašus kopija %1? Dabartiniai įrašai pirmiausia bus išsaugoti kopijų aplanke. Prieš tęsdami uždarykite programą visuose kituose kompiuteriuose, kurie naudoja šį duomenų bazės failą.</translation>
    </message>
    <message>
        <source>The backup was restored. The records as they were before are kept in %1. The program closes now; start it again to work with the restored records.</source>
        <translation>Kopija atkurta. Ankstesni įrašai išsaugoti faile %1. Programa dabar užsidarys; paleiskite ją iš naujo, kad dirbtumėte su atkurtais įrašais.</translation>
    </message>
    <message>
        <source>Copying and checking the database…</source>
        <translation>Kopijuojama ir tikrinama duomenų bazė…</translation>
    </message>
    <message>
        <source>kB</source>
        <translation>kB</translation>
    </message>
</context>
<context>
    <name>CameraWindow</name>
    <message>
        <source>Scan with camera</source>
        <translation>Nuskaityti kamera</translation>
    </message>
    <message>
        <source>No camera was found on this computer. Connect one, or scan with the scanner.</source>
        <translation>Šiame kompiuteryje nerasta jokios kameros. Prijunkite kamerą arba nuskaitykite skaitytuvu.</translation>
    </message>
    <message>
        <source>Hold a card or a label flat in front of the camera.</source>
        <translation>Laikykite kortelę arba lipduką tiesiai prieš kamerą.</translation>
    </message>
    <message>
        <source>The camera cannot be used: %1</source>
        <translation>Kameros naudoti negalima: %1</translation>
    </message>
</context>
<context>
    <name>CardsForm</name>
    <message>
        <source>Member cards</source>
        <translation>Nario kortelės</translation>
    </message>
    <message>
        <source>Cards with the child&apos;s QR code, first name and last initial — nothing more about the child. Ten to an A4 page, with cutting marks.</source>
        <translation>Kortelės su vaiko QR kodu, vardu ir pavardės pirmąja raide — nieko daugiau apie vaiką. Dešimt A4 lape, su kirpimo žymėmis.</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Vaikai</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Kalba</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Peržiūrėti…</translation>
    </message>
    <message>
        <source>Tick at least one child.</source>
        <translation>Pažymėkite bent vieną vaiką.</translation>
    </message>
    <message>
        <source>Each child&apos;s library&apos;s language</source>
        <translation>Kiekvieno vaiko bibliotekos kalba</translation>
    </message>
</context>
<context>
    <name>ChildHeader</name>
    <message>
        <source>Archived</source>
        <translation>Archyvuotas</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privatumas</translation>
    </message>
    <message>
        <source>Everything stored about this child (access request)…</source>
        <translation>Viskas, kas saugoma apie šį vaiką (prašymas susipažinti su duomenimis)…</translation>
    </message>
    <message>
        <source>Erase this child&apos;s records…</source>
        <translation>Ištrinti šio vaiko duomenis…</translation>
    </message>
    <message>
        <source>New participant</source>
        <translation>Naujas dalyvis</translation>
    </message>
    <message>
        <source>A card code is given when the child is registered.</source>
        <translation>Kortelės kodas suteikiamas, kai vaikas užregistruojamas.</translation>
    </message>
    <message>
        <source>Card %1 · %2</source>
        <translation>Kortelė %1 · %2</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Atkurti</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archyvuoti</translation>
    </message>
</context>
<context>
    <name>ConsentSection</name>
    <message>
        <source>Consents</source>
        <translation>Sutikimai</translation>
    </message>
    <message>
        <source>the guardian who signed</source>
        <translation>pasirašęs globėjas</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Sutikimą davė</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Give</source>
        <translation>Pridėti</translation>
    </message>
    <message>
        <source>Record the consent with the name and date above.</source>
        <translation>Įrašyti sutikimą su aukščiau nurodytu vardu ir data.</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Atšaukti</translation>
    </message>
    <message>
        <source>The consent ends on the date above.</source>
        <translation>Sutikimas baigiasi aukščiau nurodytą dieną.</translation>
    </message>
    <message>
        <source>Consents can be recorded once the new participant is registered.</source>
        <translation>Sutikimus galima įrašyti, kai naujas dalyvis užregistruotas.</translation>
    </message>
    <message>
        <source>Given on %1 by %2</source>
        <translation>Duotas %1; davė %2</translation>
    </message>
    <message>
        <source>(name not written)</source>
        <translation>(vardas neįrašytas)</translation>
    </message>
    <message>
        <source>Not given: no photos of this child</source>
        <translation>Neduotas: šio vaiko nefotografuoti</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Neduotas</translation>
    </message>
    <message>
        <source>Withdrawn on %1</source>
        <translation>Atšauktas %1</translation>
    </message>
    <message>
        <source>Write who gave the consent.</source>
        <translation>Įrašykite, kas davė sutikimą.</translation>
    </message>
    <message>
        <source>Consent recorded.</source>
        <translation>Sutikimas įrašytas.</translation>
    </message>
    <message>
        <source>Consent withdrawn.</source>
        <translation>Sutikimas atšauktas.</translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <source>OpenUp Desk: where the records live</source>
        <translation>OpenUp Desk: kur saugomi įrašai</translation>
    </message>
    <message>
        <source>This laptop only (a file on this computer)</source>
        <translation>Tik šis kompiuteris (failas šiame kompiuteryje)</translation>
    </message>
    <message>
        <source>The library&apos;s shared database (server)</source>
        <translation>Bendra bibliotekos duomenų bazė (serveris)</translation>
    </message>
    <message>
        <source>e.g. db.jekabpils-biblioteka.lv</source>
        <translation>pvz., db.jekabpils-biblioteka.lv</translation>
    </message>
    <message>
        <source>kept in this computer&apos;s keyring</source>
        <translation>saugomas šio kompiuterio raktinėje</translation>
    </message>
    <message>
        <source>verify-full: check the server&apos;s certificate</source>
        <translation>verify-full: tikrinti serverio sertifikatą</translation>
    </message>
    <message>
        <source>require: encrypted, certificate not checked</source>
        <translation>require: šifruota, sertifikatas netikrinamas</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pasirinkti…</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Patikrinti ryšį</translation>
    </message>
    <message>
        <source>Move this laptop&apos;s records into the shared database (it must be empty)</source>
        <translation>Perkelti šio kompiuterio įrašus į bendrą duomenų bazę (ji turi būti tuščia)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveris</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Prievadas</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Duomenų bazė</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Naudotojas</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Slaptažodis</translation>
    </message>
    <message>
        <source>Encryption (TLS)</source>
        <translation>Šifravimas (TLS)</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA failas</translation>
    </message>
    <message>
        <source>Where should this computer keep the records? A laptop on its own (a camp, a single desk) uses a file; several laptops and the partner libraries share one database on the library&apos;s server.</source>
        <translation>Kur šis kompiuteris turėtų saugoti įrašus? Atskiras kompiuteris (stovykloje, vienoje darbo vietoje) naudoja failą; keli kompiuteriai ir partnerių bibliotekos naudoja vieną bendrą duomenų bazę bibliotekos serveryje.</translation>
    </message>
    <message>
        <source>The CA file</source>
        <translation>CA failas</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Sertifikatai (*.pem *.crt *.cer);;Visi failai (*)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Jungiamasi prie %1…</translation>
    </message>
    <message>
        <source>an empty database, ready for OpenUp Desk</source>
        <translation>tuščia duomenų bazė, paruošta OpenUp Desk</translation>
    </message>
    <message>
        <source>a database that holds another program&apos;s tables</source>
        <translation>duomenų bazė su kitos programos lentelėmis</translation>
    </message>
    <message>
        <source>OpenUp Desk&apos;s records (schema %1)</source>
        <translation>OpenUp Desk įrašai (schema %1)</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL %1, %2.</source>
        <translation>Prisijungta: PostgreSQL %1, %2.</translation>
    </message>
    <message>
        <source>Moving the records</source>
        <translation>Įrašų perkėlimas</translation>
    </message>
    <message>
        <source>Copying and counting the records…</source>
        <translation>Įrašai kopijuojami ir skaičiuojami…</translation>
    </message>
</context>
<context>
    <name>DatabaseGroup</name>
    <message>
        <source>Database</source>
        <translation>Duomenų bazė</translation>
    </message>
    <message>
        <source>This laptop only (a file on this computer)</source>
        <translation>Tik šis kompiuteris (failas šiame kompiuteryje)</translation>
    </message>
    <message>
        <source>The library&apos;s shared database (server)</source>
        <translation>Bendra bibliotekos duomenų bazė (serveris)</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Keisti…</translation>
    </message>
    <message>
        <source>An administrator chooses the database.</source>
        <translation>Duomenų bazę pasirenka administratorius.</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Naudojama</translation>
    </message>
    <message>
        <source>The program uses the database chosen from its next start.</source>
        <translation>Programa pasirinktą duomenų bazę naudos nuo kito paleidimo.</translation>
    </message>
    <message>
        <source>The records were moved and counted: %1 children, %2 check-ins, %3 loans. This laptop&apos;s file is kept as a copy in %4.</source>
        <translation>Įrašai perkelti ir suskaičiuoti: vaikų – %1, apsilankymų – %2, išdavimų – %3. Šio kompiuterio failas išsaugotas kaip kopija: %4.</translation>
    </message>
    <message>
        <source>The program closes now; start it again.</source>
        <translation>Programa dabar užsidarys; paleiskite ją iš naujo.</translation>
    </message>
    <message>
        <source>Merge a laptop&apos;s records…</source>
        <translation>Sujungti kompiuterio įrašus…</translation>
    </message>
    <message>
        <source>Bring the records of a laptop that worked on its own file into this database</source>
        <translation>Perkelti į šią duomenų bazę įrašus iš kompiuterio, kuris dirbo su savo failu</translation>
    </message>
</context>
<context>
    <name>DeskActions</name>
    <message>
        <source>New child…</source>
        <translation>Naujas vaikas…</translation>
    </message>
    <message>
        <source>Register a child who came without a card</source>
        <translation>Užregistruoti vaiką, atėjusį be kortelės</translation>
    </message>
    <message>
        <source>Undo last scan</source>
        <translation>Atšaukti paskutinį nuskaitymą</translation>
    </message>
    <message>
        <source>Sign-in sheet…</source>
        <translation>Parašų lapas…</translation>
    </message>
    <message>
        <source>Print the sign-in sheet of this session</source>
        <translation>Spausdinti šio užsiėmimo parašų lapą</translation>
    </message>
    <message>
        <source>Scan with camera…</source>
        <translation>Nuskaityti kamera…</translation>
    </message>
    <message>
        <source>Kiosk…</source>
        <translation>Kioskas…</translation>
    </message>
    <message>
        <source>The children&apos;s self check-in on the interactive table, full screen</source>
        <translation>Vaikų savarankiška registracija prie interaktyvaus stalo, per visą ekraną</translation>
    </message>
    <message>
        <source>Nothing to undo yet</source>
        <translation>Kol kas nėra ką atšaukti</translation>
    </message>
    <message>
        <source>Undo the %1</source>
        <translation>Atšaukti: %1</translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <source>Ready. Scan a card or a label.</source>
        <translation>Parengta. Nuskaitykite kortelę ar etiketę.</translation>
    </message>
    <message>
        <source>Choose a session first: no session is running now.</source>
        <translation>Pirmiausia pasirinkite užsiėmimą: šiuo metu nė vienas nevyksta.</translation>
    </message>
    <message>
        <source>Note saved for %1.</source>
        <translation>Pastaba apie %1 išsaugota.</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Nėra ką atšaukti.</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Atšaukta: %1</translation>
    </message>
    <message>
        <source>This laptop&apos;s keyboard seems to be set to %1; scans are still read right.</source>
        <translation>Atrodo, kad šio kompiuterio klaviatūrai nustatytas %1 išdėstymas; nuskaityti kodai vis tiek perskaitomi teisingai.</translation>
    </message>
    <message>
        <source>That scan was not used: finish the open window first, then scan.</source>
        <translation>Šis nuskaitymas nepanaudotas: pirmiausia baikite darbą atvertame lange, tada nuskaitykite.</translation>
    </message>
</context>
<context>
    <name>DeskWords</name>
    <message>
        <source>(no photos)</source>
        <translation>(be nuotraukų)</translation>
    </message>
    <message>
        <source>(from %1)</source>
        <translation>(biblioteka: %1)</translation>
    </message>
    <message>
        <source>Still has, overdue: %1</source>
        <translation>Laiku negrąžinta: %1</translation>
    </message>
    <message>
        <source>Already here: %1</source>
        <translation>Jau čia: %1</translation>
    </message>
    <message>
        <source>Checked in: %1</source>
        <translation>Užregistruota: %1</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 nuo %2</translation>
    </message>
    <message>
        <source>the session “%1” %2</source>
        <translation>užsiėmimui „%1“ %2</translation>
    </message>
    <message>
        <source>Lent: %1 to %2, due %3</source>
        <translation>Išduota: %1 — %2, grąžinti iki %3</translation>
    </message>
    <message>
        <source>Left behind: %1</source>
        <translation>Liko čia: %1</translation>
    </message>
    <message>
        <source>Returned: %1 (was out to %2)</source>
        <translation>Grąžinta: %1 (buvo išduota %2)</translation>
    </message>
    <message>
        <source>Returned: %1 from %2</source>
        <translation>Grąžinta: %1, grąžino %2</translation>
    </message>
    <message>
        <source>(it was overdue)</source>
        <translation>(pavėluotai)</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 su %2</translation>
    </message>
    <message>
        <source>Not returned: %1, still out to %2</source>
        <translation>Negrąžinta: %1, vis dar išduota — %2</translation>
    </message>
    <message>
        <source>%1 not returned</source>
        <translation>%1 negrąžinta</translation>
    </message>
    <message>
        <source>Card %1 is not known on this laptop</source>
        <translation>Kortelė %1 šiame kompiuteryje nežinoma</translation>
    </message>
    <message>
        <source>%1 was out when this laptop last heard</source>
        <translation>%1 buvo išduotas, kai šis kompiuteris paskutinį kartą susisiekė su serveriu</translation>
    </message>
    <message>
        <source>%1 was in when this laptop last heard</source>
        <translation>%1 buvo vietoje, kai šis kompiuteris paskutinį kartą susisiekė su serveriu</translation>
    </message>
    <message>
        <source>saved on this laptop; the server decides when it answers again.</source>
        <translation>išsaugota šiame kompiuteryje; serveris nuspręs, kai vėl atsakys.</translation>
    </message>
    <message>
        <source>The server answers again: %1 scans saved on this laptop were sent.</source>
        <translation>Serveris vėl atsako: išsiųsti šiame kompiuteryje išsaugoti skenavimai (%1).</translation>
    </message>
    <message>
        <source>Not taken by the server: %1 (listed).</source>
        <translation>Serveris nepriėmė: %1 (žr. sąrašą).</translation>
    </message>
    <message>
        <source>Overdue items</source>
        <translation>Laiku negrąžinta</translation>
    </message>
    <message>
        <source>Lend %1 anyway?</source>
        <translation>Vis tiek išduoti %1?</translation>
    </message>
    <message>
        <source>Lend anyway (Enter)</source>
        <translation>Vis tiek išduoti (Enter)</translation>
    </message>
    <message>
        <source>Do not lend (Esc)</source>
        <translation>Neišduoti (Esc)</translation>
    </message>
</context>
<context>
    <name>DomainError</name>
    <message>
        <source>The username or the password is wrong.</source>
        <translation>Neteisingas naudotojo vardas arba slaptažodis.</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked until {until}. Try again then, or ask an administrator.</source>
        <translation>Per daug neteisingų slaptažodžių: ši paskyra užrakinta iki {until}. Bandykite dar kartą tada arba kreipkitės į administratorių.</translation>
    </message>
    <message>
        <source>Only an administrator may {action}.</source>
        <translation>Tik administratorius gali {action}.</translation>
    </message>
    <message>
        <source>This database already has accounts: the first administrator is created only once.</source>
        <translation>Šioje duomenų bazėje jau yra paskyrų: pirmasis administratorius sukuriamas tik vieną kartą.</translation>
    </message>
    <message>
        <source>The last active administrator cannot be disabled: make another one first.</source>
        <translation>Paskutinio aktyvaus administratoriaus išjungti negalima: pirmiausia sukurkite kitą.</translation>
    </message>
    <message>
        <source>add, change or disable accounts</source>
        <translation>pridėti, keisti ar išjungti paskyras</translation>
    </message>
    <message>
        <source>back up or restore the database</source>
        <translation>kurti arba atkurti duomenų bazės atsargines kopijas</translation>
    </message>
    <message>
        <source>export the participants&apos; records</source>
        <translation>eksportuoti dalyvių duomenis</translation>
    </message>
    <message>
        <source>change another person&apos;s password</source>
        <translation>keisti kito asmens slaptažodį</translation>
    </message>
    <message>
        <source>A password needs at least 8 characters.</source>
        <translation>Slaptažodyje turi būti bent 8 simboliai.</translation>
    </message>
    <message>
        <source>A username is 2–60 characters: small letters, digits, dots, hyphens.</source>
        <translation>Naudotojo vardą sudaro 2–60 simbolių: mažosios raidės, skaitmenys, taškai, brūkšneliai.</translation>
    </message>
    <message>
        <source>Name the site, e.g. Jēkabpils.</source>
        <translation>Nurodykite filialą, pvz., Jēkabpils.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Paskyra</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Užsiėmimas</translation>
    </message>
    <message>
        <source>child&apos;s card</source>
        <translation>vaiko kortelės</translation>
    </message>
    <message>
        <source>item</source>
        <translation>daikto</translation>
    </message>
    <message>
        <source>in repair</source>
        <translation>jis taisomas</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>jis nurašytas</translation>
    </message>
    <message>
        <source>A kit&apos;s part must belong to a kit that is not itself a part.</source>
        <translation>Dalis gali priklausyti tik rinkiniui, kuris pats nėra kito rinkinio dalis.</translation>
    </message>
    <message>
        <source>An item needs a name.</source>
        <translation>Daiktui reikia pavadinimo.</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Biblioteka</translation>
    </message>
    <message>
        <source>Another item already has this tag.</source>
        <translation>Šį kodą jau turi kitas daiktas.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Daiktas</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Dalyvis</translation>
    </message>
    <message>
        <source>Librarian</source>
        <translation>Bibliotekininkas</translation>
    </message>
    <message>
        <source>The due time must be after the time of lending.</source>
        <translation>Grąžinimo laikas turi būti vėlesnis nei išdavimo.</translation>
    </message>
    <message>
        <source>The action was refused.</source>
        <translation>Veiksmas neleidžiamas.</translation>
    </message>
    <message>
        <source>{what} {key} was not found.</source>
        <translation>Įrašas nerastas: {what} {key}.</translation>
    </message>
    <message>
        <source>{problem}</source>
        <translation>{problem}</translation>
    </message>
    <message>
        <source>Scanned “{scanned}”: {reason}</source>
        <translation>Nuskaityta „{scanned}“: {reason}</translation>
    </message>
    <message>
        <source>Scanned “{scanned}”: no {what} has this code in this database.</source>
        <translation>Nuskaityta „{scanned}“: šioje duomenų bazėje nėra {what} su tokiu kodu.</translation>
    </message>
    <message>
        <source>{tag} {name} cannot be lent: it is {status}.</source>
        <translation>{tag} {name} negalima išduoti: {status}.</translation>
    </message>
    <message>
        <source>{tag} {name} is already out: lent to {borrower} since {since}.</source>
        <translation>{tag} {name} jau išduotas (kam: {borrower}; nuo {since}).</translation>
    </message>
    <message>
        <source>{tag} {name} is not on loan.</source>
        <translation>{tag} {name} nėra išduotas.</translation>
    </message>
    <message>
        <source>The session of {date} was cancelled: nobody can be checked in to it.</source>
        <translation>{date} užsiėmimas atšauktas: į jį nieko negalima užregistruoti.</translation>
    </message>
    <message>
        <source>{name} is archived: restore the record before checking them in.</source>
        <translation>Įrašas „{name}“ archyvuotas: prieš registruodami jį atkurkite.</translation>
    </message>
    <message>
        <source>First name and last name are both needed.</source>
        <translation>Reikia ir vardo, ir pavardės.</translation>
    </message>
    <message>
        <source>A name may be at most 80 characters long.</source>
        <translation>Vardas ir pavardė gali turėti ne daugiau kaip 80 simbolių.</translation>
    </message>
    <message>
        <source>The birth year must be between 1900 and this year.</source>
        <translation>Gimimo metai turi būti nuo 1900 iki šių metų.</translation>
    </message>
    <message>
        <source>The guardian&apos;s name or phone is too long.</source>
        <translation>Globėjo vardas arba telefonas per ilgas.</translation>
    </message>
    <message>
        <source>mark a child as from a social-risk family (the target group)</source>
        <translation>pažymėti, kad vaikas yra iš socialinės rizikos šeimos (tikslinė grupė)</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Only a closed training cycle takes enrolments.</source>
        <translation>Vaikus galima įtraukti tik į uždarą mokymų ciklą.</translation>
    </message>
    <message>
        <source>A site&apos;s country is LV or LT.</source>
        <translation>Bibliotekos šalis turi būti LV arba LT.</translation>
    </message>
    <message>
        <source>A program needs a name.</source>
        <translation>Programai reikia pavadinimo.</translation>
    </message>
    <message>
        <source>The planned number of sessions must be 1 or more.</source>
        <translation>Planuojamas užsiėmimų skaičius turi būti bent 1.</translation>
    </message>
    <message>
        <source>A session must end after it starts.</source>
        <translation>Užsiėmimas turi baigtis vėliau, nei prasideda.</translation>
    </message>
    <message>
        <source>The theme or place is too long.</source>
        <translation>Tema arba vieta per ilga.</translation>
    </message>
    <message>
        <source>This program already has a session at that date and time.</source>
        <translation>Ši programa tą dieną ir valandą jau turi užsiėmimą.</translation>
    </message>
    <message>
        <source>The series must end after it starts.</source>
        <translation>Serija turi baigtis vėliau, nei prasideda.</translation>
    </message>
    <message>
        <source>A series may span at most five years.</source>
        <translation>Serija gali apimti ne daugiau kaip penkerius metus.</translation>
    </message>
    <message>
        <source>a tag may hold only letters A–Z, digits and single hyphens.</source>
        <translation>kode gali būti tik raidės A–Z, skaitmenys ir pavieniai brūkšneliai.</translation>
    </message>
    <message>
        <source>nothing was read.</source>
        <translation>nieko nenuskaityta.</translation>
    </message>
    <message>
        <source>it holds characters no OpenUp code has.</source>
        <translation>jame yra simbolių, kurių neturi joks OpenUp kodas.</translation>
    </message>
    <message>
        <source>this is not a member card or an equipment label.</source>
        <translation>tai nėra nei dalyvio kortelė, nei įrangos etiketė.</translation>
    </message>
    <message>
        <source>the check character does not match: the code was misread.</source>
        <translation>kontrolinis simbolis nesutampa: kodas nuskaitytas klaidingai.</translation>
    </message>
    <message>
        <source>Nobody to lend to: scan a child&apos;s card first, or choose a session.</source>
        <translation>Nėra kam išduoti: pirmiausia nuskaitykite vaiko kortelę arba pasirinkite užsiėmimą.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Laikotarpis baigiasi anksčiau, nei prasideda.</translation>
    </message>
    <message>
        <source>A child without a card code cannot get a card.</source>
        <translation>Vaikui be kortelės kodo kortelės atspausdinti negalima.</translation>
    </message>
    <message>
        <source>The backup {path} failed its check and was deleted: {problem}</source>
        <translation>Kopija {path} nepraėjo patikros ir buvo ištrinta: {problem}</translation>
    </message>
    <message>
        <source>{path} is not a sound copy of the database ({problem}), so nothing was restored.</source>
        <translation>{path} nėra tvarkinga duomenų bazės kopija ({problem}), todėl niekas nebuvo atkurta.</translation>
    </message>
    <message>
        <source>There is no database file at {path}.</source>
        <translation>Vietoje {path} nėra duomenų bazės failo.</translation>
    </message>
    <message>
        <source>{path} already exists or is the database itself; choose a new file name.</source>
        <translation>{path} jau yra arba tai pati duomenų bazė; pasirinkite naują failo pavadinimą.</translation>
    </message>
    <message>
        <source>This database is on a PostgreSQL server: backups are the server&apos;s job, and this program does not make them. Ask the server&apos;s administrator, or back it up with (it asks for the password): {command}</source>
        <translation>Ši duomenų bazė yra PostgreSQL serveryje: atsargines kopijas daro serveris, o ne ši programa. Kreipkitės į serverio administratorių arba sukurkite kopiją šia komanda (ji paklaus slaptažodžio): {command}</translation>
    </message>
    <message>
        <source>The database file {path} is damaged or cannot be opened ({problem}). The program did not open it and left the file as it is. The newest good backup is {backup}, made {made}. To restore it, close the program and run: {command}</source>
        <translation>Duomenų bazės failas {path} sugadintas arba jo negalima atidaryti ({problem}). Programa jo neatidarė ir paliko failą nepaliestą. Naujausia tvarkinga kopija yra {backup}, sukurta {made}. Norėdami ją atkurti, uždarykite programą ir paleiskite: {command}</translation>
    </message>
    <message>
        <source>The database file {path} is damaged or cannot be opened ({problem}). The program did not open it and left the file as it is. No good backup was found in {folder}. Keep the file and ask for help.</source>
        <translation>Duomenų bazės failas {path} sugadintas arba jo negalima atidaryti ({problem}). Programa jo neatidarė ir paliko failą nepaliestą. Aplanke {folder} nerasta jokios tvarkingos kopijos. Išsaugokite failą ir kreipkitės pagalbos.</translation>
    </message>
    <message>
        <source>The file {name} cannot be read: {reason}</source>
        <translation>Failo {name} nepavyksta perskaityti: {reason}</translation>
    </message>
    <message>
        <source>Nothing was imported: row {row} was refused: {reason}</source>
        <translation>Nieko neimportuota: {row} eilutė atmesta: {reason}</translation>
    </message>
    <message>
        <source>it is not an Excel workbook (XLSX).</source>
        <translation>tai nėra Excel darbaknygė (XLSX).</translation>
    </message>
    <message>
        <source>old Excel files (XLS) cannot be read; save it as XLSX or CSV.</source>
        <translation>senų Excel failų (XLS) perskaityti negalima; išsaugokite jį kaip XLSX arba CSV.</translation>
    </message>
    <message>
        <source>it is too big for a roster.</source>
        <translation>jis per didelis dalyvių sąrašui.</translation>
    </message>
    <message>
        <source>there is no such file.</source>
        <translation>tokio failo nėra.</translation>
    </message>
    <message>
        <source>it has problems; only rows without problems can be imported.</source>
        <translation>joje yra problemų; importuoti galima tik eilutes be problemų.</translation>
    </message>
    <message>
        <source>the child is already registered; check the file again.</source>
        <translation>vaikas jau užregistruotas; patikrinkite failą dar kartą.</translation>
    </message>
    <message>
        <source>the database did not accept it.</source>
        <translation>duomenų bazė jos nepriėmė.</translation>
    </message>
    <message>
        <source>read the audit log</source>
        <translation>peržiūrėti audito žurnalą</translation>
    </message>
    <message>
        <source>erase a child&apos;s records</source>
        <translation>ištrinti vaiko duomenis</translation>
    </message>
    <message>
        <source>export everything stored about a child</source>
        <translation>eksportuoti viską, kas saugoma apie vaiką</translation>
    </message>
    <message>
        <source>change the retention period</source>
        <translation>keisti duomenų saugojimo terminą</translation>
    </message>
    <message>
        <source>A retention period is between 1 and 30 years.</source>
        <translation>Saugojimo terminas gali būti nuo 1 iki 30 metų.</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>tokio aplanko nėra</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>diskas pilnas</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>diską galima tik skaityti</translation>
    </message>
    <message>
        <source>writing there is not allowed, or the file is open in another program</source>
        <translation>ten rašyti neleidžiama arba failas atidarytas kitoje programoje</translation>
    </message>
    <message>
        <source>a folder has that name</source>
        <translation>tokiu pavadinimu jau yra aplankas</translation>
    </message>
    <message>
        <source>The file {path} was not saved: {reason}.</source>
        <translation>Failas {path} neišsaugotas: {reason}.</translation>
    </message>
    <message>
        <source>it is neither UTF-8, UTF-16 nor Windows-1257 text.</source>
        <translation>tai nėra nei UTF-8, nei UTF-16, nei Windows-1257 tekstas.</translation>
    </message>
    <message>
        <source>it is not an ordinary file but a folder, a device or a pipe.</source>
        <translation>tai ne įprastas failas, o aplankas, įrenginys arba kanalas.</translation>
    </message>
    <message>
        <source>no header row with the columns Vārds and Uzvārds (First name, Last name; Vardas, Pavardė) was found.</source>
        <translation>nerasta antraštės eilutė su stulpeliais Vārds ir Uzvārds (First name, Last name; Vardas, Pavardė).</translation>
    </message>
    <message>
        <source>its sheet goes on past row 10,010, too far for a roster.</source>
        <translation>jo lapas tęsiasi už 10 010 eilutės, dalyvių sąrašui tai per daug.</translation>
    </message>
    <message>
        <source>Children&apos;s records are shown only to an active account: sign in again.</source>
        <translation>Vaikų duomenys rodomi tik aktyviai paskyrai: prisijunkite iš naujo.</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>failas tuščias</translation>
    </message>
    <message>
        <source>it is not an OpenUp Desk database</source>
        <translation>tai ne OpenUp Desk duomenų bazė</translation>
    </message>
    <message>
        <source>it was made by a newer version of OpenUp Desk than this one</source>
        <translation>ji sukurta naujesne OpenUp Desk versija nei ši</translation>
    </message>
    <message>
        <source>No backup could be written in {folder}: {reason}. Nothing was left there.</source>
        <translation>Į aplanką {folder} nepavyko įrašyti atsarginės kopijos: {reason}. Ten nieko nebuvo palikta.</translation>
    </message>
    <message>
        <source>the disk or the folder is read-only</source>
        <translation>diskas arba aplankas skirtas tik skaityti</translation>
    </message>
    <message>
        <source>this user may not write there</source>
        <translation>šiam naudotojui ten rašyti neleidžiama</translation>
    </message>
    <message>
        <source>the folder cannot be made there</source>
        <translation>ten negalima sukurti aplanko</translation>
    </message>
    <message>
        <source>The database {path} could not be replaced ({reason}). Close the program on every computer that uses it, then restore again.</source>
        <translation>Duomenų bazės {path} nepavyko pakeisti ({reason}). Uždarykite programą visuose kompiuteriuose, kurie ją naudoja, ir atkurkite dar kartą.</translation>
    </message>
    <message>
        <source>{tag} {name} is already out: with the session “{program}” since {since}.</source>
        <translation>{tag} {name} jau išduotas užsiėmimui „{program}“ (nuo {since}).</translation>
    </message>
    <message>
        <source>{name} still has overdue items ({items}): lend only once they are back.</source>
        <translation>{name}: laiku negrąžinta ({items}). Išduokite tik tada, kai bus grąžinta.</translation>
    </message>
    <message>
        <source>check the audit log</source>
        <translation>patikrinti audito žurnalą</translation>
    </message>
    <message>
        <source>The export was stopped: no file was saved.</source>
        <translation>Eksportavimas sustabdytas: failas neišsaugotas.</translation>
    </message>
    <message>
        <source>The import was stopped at row {row} of {total}: nobody was registered.</source>
        <translation>Importavimas sustabdytas ties {row} eilute iš {total}: niekas neužregistruotas.</translation>
    </message>
    <message>
        <source>it could be two codes: switch the keyboard to English or Latvian and scan again.</source>
        <translation>tai gali būti du skirtingi kodai: perjunkite klaviatūrą į anglų arba latvių kalbos išdėstymą ir nuskaitykite dar kartą.</translation>
    </message>
    <message>
        <source>No QR code was found in {picture}: hold the code closer and flat.</source>
        <translation>Paveikslėlyje {picture} nerasta jokio QR kodo: laikykite kodą arčiau ir tiesiai.</translation>
    </message>
    <message>
        <source>{picture} cannot be opened as a picture.</source>
        <translation>{picture} negalima atverti kaip paveikslėlio.</translation>
    </message>
    <message>
        <source>This computer&apos;s program is older than the shared database: install version {version} or newer.</source>
        <translation>Šio kompiuterio programa senesnė už bendrą duomenų bazę: įdiekite {version} ar naujesnę versiją.</translation>
    </message>
    <message>
        <source>This computer&apos;s program is older than the shared database: install the newest version of OpenUp Desk.</source>
        <translation>Šio kompiuterio programa senesnė už bendrą duomenų bazę: įdiekite naujausią OpenUp Desk versiją.</translation>
    </message>
    <message>
        <source>The shared database was made by an older version of OpenUp Desk. An administrator must confirm its upgrade to version {version}; laptops with an older program cannot use it afterwards.</source>
        <translation>Bendrą duomenų bazę sukūrė senesnė OpenUp Desk versija. Administratorius turi patvirtinti jos atnaujinimą iki {version} versijos; vėliau kompiuteriai su senesne programa jos nebegalės naudoti.</translation>
    </message>
    <message>
        <source>Only an administrator of OpenUp Desk may confirm the upgrade of the shared database.</source>
        <translation>Bendros duomenų bazės atnaujinimą patvirtinti gali tik OpenUp Desk administratorius.</translation>
    </message>
    <message>
        <source>This account may not upgrade the shared database: the person who runs the server upgrades it with the schema owner&apos;s account (main.py migrate). Nothing was changed.</source>
        <translation>Ši paskyra negali atnaujinti bendros duomenų bazės: ją atnaujina serverį prižiūrintis asmuo su schemos savininko paskyra (main.py migrate). Niekas nepakeista.</translation>
    </message>
    <message>
        <source>Server set-up needs a PostgreSQL database (postgresql+psycopg://…), not {database}.</source>
        <translation>Serverio parengimui reikia PostgreSQL duomenų bazės (postgresql+psycopg://…), o ne {database}.</translation>
    </message>
    <message>
        <source>The database {database} already holds tables: server set-up prepares an empty one only.</source>
        <translation>Duomenų bazėje {database} jau yra lentelių: serverio parengimas paruošia tik tuščią duomenų bazę.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s name or address.</source>
        <translation>Įveskite serverio pavadinimą arba adresą.</translation>
    </message>
    <message>
        <source>Enter the database&apos;s name.</source>
        <translation>Įveskite duomenų bazės pavadinimą.</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation>Įveskite naudotojo vardą.</translation>
    </message>
    <message>
        <source>The port is a number from 1 to 65535.</source>
        <translation>Prievadas yra skaičius nuo 1 iki 65535.</translation>
    </message>
    <message>
        <source>Choose how the connection is encrypted.</source>
        <translation>Pasirinkite, kaip šifruojamas ryšys.</translation>
    </message>
    <message>
        <source>Choose the CA file that checks the server&apos;s certificate.</source>
        <translation>Pasirinkite CA failą, kuriuo tikrinamas serverio sertifikatas.</translation>
    </message>
    <message>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <source>No server has this name: check the server&apos;s name, or the network.</source>
        <translation>Serverio tokiu pavadinimu nėra: patikrinkite serverio pavadinimą arba tinklą.</translation>
    </message>
    <message>
        <source>The server refused the connection: check the port, and that PostgreSQL runs there.</source>
        <translation>Serveris atmetė ryšį: patikrinkite prievadą ir ar jame veikia PostgreSQL.</translation>
    </message>
    <message>
        <source>The server does not answer: check the network, a VPN or a firewall.</source>
        <translation>Serveris neatsako: patikrinkite tinklą, VPN arba ugniasienę.</translation>
    </message>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation>Neteisingas naudotojo vardas arba slaptažodis.</translation>
    </message>
    <message>
        <source>The server has no database of this name.</source>
        <translation>Serveryje nėra tokio pavadinimo duomenų bazės.</translation>
    </message>
    <message>
        <source>The encrypted connection (TLS) failed: the server does not offer it, or its certificate does not match the CA file and the server&apos;s name.</source>
        <translation>Šifruotas ryšys (TLS) nepavyko: serveris jo nesiūlo arba jo sertifikatas neatitinka CA failo ir serverio pavadinimo.</translation>
    </message>
    <message>
        <source>The server does not let this computer in (pg_hba.conf): ask the person who runs it.</source>
        <translation>Serveris neįleidžia šio kompiuterio (pg_hba.conf): kreipkitės į serverį prižiūrintį asmenį.</translation>
    </message>
    <message>
        <source>The server could not be used: {detail}</source>
        <translation>Serverio nepavyko naudoti: {detail}</translation>
    </message>
    <message>
        <source>move the records to the shared database</source>
        <translation>perkelti įrašus į bendrą duomenų bazę</translation>
    </message>
    <message>
        <source>The shared database already holds records ({tables}): only an empty one takes this laptop&apos;s records. Nothing was copied.</source>
        <translation>Bendroje duomenų bazėje jau yra įrašų ({tables}): šio kompiuterio įrašus galima perkelti tik į tuščią duomenų bazę. Nieko nenukopijuota.</translation>
    </message>
    <message>
        <source>The copy of {table} holds {copied} rows, not {kept}: nothing was moved, and this laptop keeps its records.</source>
        <translation>Lentelės {table} kopijoje yra {copied} eilučių, o ne {kept}: nieko neperkelta, įrašai lieka šiame kompiuteryje.</translation>
    </message>
    <message>
        <source>Only a laptop&apos;s own database file can be moved to the shared database.</source>
        <translation>Į bendrą duomenų bazę galima perkelti tik šio kompiuterio duomenų bazės failą.</translation>
    </message>
    <message>
        <source>The password cannot be kept: this computer&apos;s keyring refused it ({problem}). Nothing was changed.</source>
        <translation>Slaptažodžio išsaugoti nepavyko: šio kompiuterio raktinė jį atmetė ({problem}). Niekas nepakeista.</translation>
    </message>
    <message>
        <source>{name} was already checked in to this session at {since}.</source>
        <translation>{name}: šiame užsiėmime jau yra registracija ({since}).</translation>
    </message>
    <message>
        <source>The child&apos;s records were erased on the server meanwhile.</source>
        <translation>Vaiko duomenys serveryje per tą laiką ištrinti.</translation>
    </message>
    <message>
        <source>The child&apos;s registration at this desk did not reach the server.</source>
        <translation>Šiame kompiuteryje atlikta vaiko registracija nepasiekė serverio.</translation>
    </message>
    <message>
        <source>The server already has a record with this entry&apos;s identity or card code.</source>
        <translation>Serveryje jau yra įrašas su tokiu pačiu identifikatoriumi arba kortelės kodu kaip šio įrašo.</translation>
    </message>
    <message>
        <source>{tag} was lent without {parts}: out or in repair on the server.</source>
        <translation>{tag} išduotas be {parts}: pagal serverio duomenis jos išduotos arba taisomos.</translation>
    </message>
    <message>
        <source>Nothing was added: the check-in the server already had counts.</source>
        <translation>Nieko nepridėta: galioja registracija, kuri serveryje jau buvo.</translation>
    </message>
    <message>
        <source>Nothing was lent: the loan the server already had stays as it is.</source>
        <translation>Nieko neišduota: serveryje jau buvęs išdavimas lieka nepakeistas.</translation>
    </message>
    <message>
        <source>Nothing was changed: the server already had the item back.</source>
        <translation>Nieko nepakeista: serveryje daiktas jau buvo grąžintas.</translation>
    </message>
    <message>
        <source>Nothing was recorded for this child, and this journal keeps nothing of them.</source>
        <translation>Apie šį vaiką nieko neįrašyta, ir šiame žurnale apie jį nieko nesaugoma.</translation>
    </message>
    <message>
        <source>Nobody was checked in: check the child in to another session if they came.</source>
        <translation>Niekas neužregistruotas: jei vaikas atėjo, užregistruokite jį kitame užsiėmime.</translation>
    </message>
    <message>
        <source>Nothing of this entry was recorded.</source>
        <translation>Iš šio įrašo nieko neišsaugota.</translation>
    </message>
    <message>
        <source>This was not saved on this laptop: {reason}.</source>
        <translation>Tai neišsaugota šiame kompiuteryje: {reason}.</translation>
    </message>
    <message>
        <source>merge a laptop&apos;s records</source>
        <translation>sujungti kompiuterio įrašus</translation>
    </message>
    <message>
        <source>{path} cannot be merged: {problem}. Nothing was changed.</source>
        <translation>{path} negalima sujungti: {problem}. Niekas nepakeista.</translation>
    </message>
    <message>
        <source>{path} is the database in use itself: choose the laptop&apos;s file. Nothing was changed.</source>
        <translation>{path} yra pati naudojama duomenų bazė: pasirinkite kompiuterio failą. Niekas nepakeista.</translation>
    </message>
    <message>
        <source>The laptop&apos;s file has no child #{laptop}. Nothing was changed.</source>
        <translation>Kompiuterio faile nėra vaiko #{laptop}. Niekas nepakeista.</translation>
    </message>
    <message>
        <source>The database in use has no child #{shared} to match the laptop&apos;s child #{laptop} with. Nothing was changed.</source>
        <translation>Naudojamoje duomenų bazėje nėra vaiko #{shared}, su kuriuo susieti kompiuterio vaiką #{laptop}. Niekas nepakeista.</translation>
    </message>
    <message>
        <source>Choose a session first: no session is running now.</source>
        <translation>Pirmiausia pasirinkite užsiėmimą: šiuo metu nė vienas nevyksta.</translation>
    </message>
</context>
<context>
    <name>DuplicateNotice</name>
    <message>
        <source>Open their record</source>
        <translation>Atidaryti esamą įrašą</translation>
    </message>
    <message>
        <source>Already registered with this name and birth year: %1. Open their record, or press “Register anyway” if this is another child.</source>
        <translation>Su tokiu vardu ir gimimo metais jau užregistruota: %1. Atidarykite esamą įrašą arba, jei tai kitas vaikas, spauskite „Vis tiek registruoti“.</translation>
    </message>
</context>
<context>
    <name>EnrolmentSection</name>
    <message>
        <source>Closed training cycles</source>
        <translation>Uždari mokymų ciklai</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>Įtraukti</translation>
    </message>
    <message>
        <source>Enrol in</source>
        <translation>Įtraukti į</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Nuo</translation>
    </message>
    <message>
        <source>%1, since %2</source>
        <translation>%1, nuo %2</translation>
    </message>
    <message>
        <source>%1, %2 – %3</source>
        <translation>%1, %2–%3</translation>
    </message>
    <message>
        <source>This site has no closed training cycle yet.</source>
        <translation>Ši biblioteka dar neturi uždaro mokymų ciklo.</translation>
    </message>
    <message>
        <source>Not enrolled in any training cycle.</source>
        <translation>Neįtrauktas į jokį mokymų ciklą.</translation>
    </message>
    <message>
        <source>Enrolled in every training cycle of this site.</source>
        <translation>Įtrauktas į visus šios bibliotekos mokymų ciklus.</translation>
    </message>
    <message>
        <source>Enrolled.</source>
        <translation>Įtraukta į ciklą.</translation>
    </message>
</context>
<context>
    <name>EquipmentPage</name>
    <message>
        <source>Equipment</source>
        <translation>Įranga</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>Visos bibliotekos</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>Pridėti daiktą…</translation>
    </message>
    <message>
        <source>Edit item…</source>
        <translation>Redaguoti daiktą…</translation>
    </message>
    <message>
        <source>Lend…</source>
        <translation>Išduoti…</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>Grąžinti…</translation>
    </message>
    <message>
        <source>Send to repair</source>
        <translation>Atiduoti taisyti</translation>
    </message>
    <message>
        <source>Back in service</source>
        <translation>Vėl naudojamas</translation>
    </message>
    <message>
        <source>Retire…</source>
        <translation>Nurašyti…</translation>
    </message>
    <message>
        <source>Print labels…</source>
        <translation>Spausdinti lipdukus…</translation>
    </message>
    <message>
        <source>QR labels of the chosen item, or of every item</source>
        <translation>Pasirinkto daikto arba visų daiktų QR lipdukai</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Kodas</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Pavadinimas</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorija</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Būsena</translation>
    </message>
    <message>
        <source>Who has it</source>
        <translation>Kam išduota</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Nuo</translation>
    </message>
    <message>
        <source>Due back</source>
        <translation>Grąžinti iki</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Biblioteka</translation>
    </message>
    <message>
        <source>Lent</source>
        <translation>Išduota</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Kam</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Grąžinta</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Priėmė</translation>
    </message>
    <message>
        <source>Condition note</source>
        <translation>Pastaba apie būklę</translation>
    </message>
    <message>
        <source>Items: %1   Out now: %2   Overdue: %3</source>
        <translation>Daiktų: %1   Išduota: %2   Vėluoja: %3</translation>
    </message>
    <message>
        <source>On loan</source>
        <translation>Išduotas</translation>
    </message>
    <message>
        <source>Overdue: it should have been back by now.</source>
        <translation>Vėluoja: grąžinimo laikas jau praėjo.</translation>
    </message>
    <message>
        <source>Serial number: %1</source>
        <translation>Serijos numeris: %1</translation>
    </message>
    <message>
        <source>Loan history</source>
        <translation>Išdavimo istorija</translation>
    </message>
    <message>
        <source>Choose an item above to see who had it and how it came back.</source>
        <translation>Pasirinkite daiktą viršuje ir matysite, kam jis buvo išduotas ir kokios būklės grąžintas.</translation>
    </message>
    <message>
        <source>No equipment yet: add the first item with “Add item…”.</source>
        <translation>Įrangos dar nėra: pirmą daiktą pridėkite mygtuku „Pridėti daiktą…“.</translation>
    </message>
    <message>
        <source>Loans of %1 %2</source>
        <translation>Išdavimai: %1 %2</translation>
    </message>
    <message>
        <source>Site: %1</source>
        <translation>Biblioteka: %1</translation>
    </message>
    <message>
        <source>Part of the kit %1</source>
        <translation>Rinkinio %1 dalis</translation>
    </message>
    <message>
        <source>Parts: %1</source>
        <translation>Dalys: %1</translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation>Pastabos: %1</translation>
    </message>
    <message>
        <source>Never lent yet.</source>
        <translation>Dar nė karto neišduotas.</translation>
    </message>
    <message>
        <source>Still out</source>
        <translation>Dar išduotas</translation>
    </message>
    <message>
        <source>Lent by %1</source>
        <translation>Išdavė %1</translation>
    </message>
    <message>
        <source>Came back after it was due.</source>
        <translation>Grąžintas pavėluotai.</translation>
    </message>
    <message>
        <source>It is on loan: return it first.</source>
        <translation>Daiktas išduotas: pirmiausia jį grąžinkite.</translation>
    </message>
</context>
<context>
    <name>ExportForm</name>
    <message>
        <source>Export to Excel</source>
        <translation>Eksportas į Excel</translation>
    </message>
    <message>
        <source>Attendance, participants or loans as an Excel workbook (XLSX) or as CSV that Latvian Excel opens as it is.</source>
        <translation>Lankomumas, dalyviai arba išdavimai kaip Excel darbaknygė (XLSX) arba CSV, kurį Excel atidaro be pakeitimų.</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Lankomumas</translation>
    </message>
    <message>
        <source>Participants (with contacts: handle with care)</source>
        <translation>Dalyviai (su kontaktais: elkitės atsargiai)</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>Išdavimai</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel darbaknygė (.xlsx)</translation>
    </message>
    <message>
        <source>CSV for Excel (.csv)</source>
        <translation>CSV, skirtas Excel (.csv)</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Ką</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Nuo</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Iki</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Biblioteka</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formatas</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Kalba</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Išsaugoti…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Eksportas</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Rašoma %1…</translation>
    </message>
    <message>
        <source>Saved %1 rows to %2.</source>
        <translation>Išsaugota eilučių: %1, faile %2.</translation>
    </message>
    <message>
        <source>Stopping: no file is saved.</source>
        <translation>Stabdoma: failas nebus išsaugotas.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>OpenUp Desk: first start</source>
        <translation>OpenUp Desk: pirmasis paleidimas</translation>
    </message>
    <message>
        <source>e.g. ilze.k</source>
        <translation>pvz., ilze.k</translation>
    </message>
    <message>
        <source>Latvia</source>
        <translation>Latvija</translation>
    </message>
    <message>
        <source>Lithuania</source>
        <translation>Lietuva</translation>
    </message>
    <message>
        <source>e.g. Jēkabpils Galvenā bibliotēka</source>
        <translation>pvz., Rokiškio rajono savivaldybės viešoji biblioteka</translation>
    </message>
    <message>
        <source>This database has no accounts yet. Create the first administrator: they add the librarians&apos; accounts later.</source>
        <translation>Šioje duomenų bazėje dar nėra paskyrų. Sukurkite pirmąjį administratorių: vėliau jis pridės bibliotekininkų paskyras.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Jūsų vardas</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Naudotojo vardas</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Slaptažodis</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Slaptažodis dar kartą</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Filialas</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Šalis</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteka</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>Sukurti ir prisijungti</translation>
    </message>
    <message>
        <source>Type your name and a username.</source>
        <translation>Įrašykite savo vardą ir naudotojo vardą.</translation>
    </message>
    <message>
        <source>The password needs at least %1 characters.</source>
        <translation>Slaptažodyje turi būti bent %1 simboliai.</translation>
    </message>
    <message>
        <source>The two passwords differ: type the same one twice.</source>
        <translation>Slaptažodžiai skiriasi: įrašykite tą patį slaptažodį du kartus.</translation>
    </message>
    <message>
        <source>Name the site, e.g. Jēkabpils.</source>
        <translation>Nurodykite filialą, pvz., Jēkabpils.</translation>
    </message>
</context>
<context>
    <name>Headcount</name>
    <message>
        <source>One visitor less (−, while the scan field is empty)</source>
        <translation>Vienu lankytoju mažiau (−, kai nuskaitymo laukas tuščias)</translation>
    </message>
    <message>
        <source>One more visitor (+, while the scan field is empty)</source>
        <translation>Dar vienas lankytojas (+, kai nuskaitymo laukas tuščias)</translation>
    </message>
    <message>
        <source>Visitors not registered:</source>
        <translation>Neregistruoti lankytojai:</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import a roster</source>
        <translation>Importuoti dalyvių sąrašą</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Pasirinkti failą…</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Failas nepasirinktas</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Biblioteka:</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importuoti</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Uždaryti</translation>
    </message>
    <message>
        <source>Rosters (*.csv *.xlsx);;All files (*)</source>
        <translation>Sąrašai (*.csv *.xlsx);;Visi failai (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Skaitomas failas…</translation>
    </message>
    <message>
        <source>Rows: %1, ready to import: %2, with problems: %3.</source>
        <translation>Eilučių: %1, paruoštų importuoti: %2, su problemomis: %3.</translation>
    </message>
    <message>
        <source>Columns not imported: %1.</source>
        <translation>Neimportuojami stulpeliai: %1.</translation>
    </message>
    <message>
        <source>Import %1 children</source>
        <translation>Importuoti vaikus (%1)</translation>
    </message>
    <message>
        <source>Imported %1 children.</source>
        <translation>Importuota vaikų: %1.</translation>
    </message>
    <message>
        <source>A CSV or Excel (XLSX) file with a header row: Vārds, Uzvārds, and as you like Dzimšanas gads, Dzimums, Aizbildnis, Tālrunis, Mērķa grupa, Piezīmes, Foto piekrišana (or the same in English or Lithuanian: Vardas, Pavardė, …). Rows with problems are not imported.</source>
        <translation>CSV arba Excel (XLSX) failas su antraštės eilute: Vārds, Uzvārds ir, jei reikia, Dzimšanas gads, Dzimums, Aizbildnis, Tālrunis, Mērķa grupa, Piezīmes, Foto piekrišana (arba tas pats angliškai ar lietuviškai: Vardas, Pavardė, …). Eilutės su problemomis neimportuojamos.</translation>
    </message>
    <message>
        <source>Registering the children of the roster…</source>
        <translation>Registruojami sąrašo vaikai…</translation>
    </message>
    <message>
        <source>Stopping: nobody from this roster is registered.</source>
        <translation>Stabdoma: niekas iš šio sąrašo neregistruojamas.</translation>
    </message>
</context>
<context>
    <name>IndicatorsForm</name>
    <message>
        <source>Project indicators</source>
        <translation>Projekto rodikliai</translation>
    </message>
    <message>
        <source>Sessions held, attendances, unique participants and the target group, by site, age and gender; equipment use; attendance per month — for the funder.</source>
        <translation>Įvykę užsiėmimai, apsilankymai, skirtingi dalyviai ir tikslinė grupė pagal biblioteką, amžių ir lytį; įrangos naudojimas; lankomumas pagal mėnesius — finansuotojui.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Nuo</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Iki</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Biblioteka</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Kalba</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Peržiūrėti…</translation>
    </message>
</context>
<context>
    <name>ItemActions</name>
    <message>
        <source>Added %1 %2.</source>
        <translation>Pridėta: %1 %2.</translation>
    </message>
    <message>
        <source>Saved the changes to %1.</source>
        <translation>Pakeitimai išsaugoti: %1.</translation>
    </message>
    <message>
        <source>%1 %2 is in repair: it cannot be lent until it is back in service.</source>
        <translation>%1 %2 atiduotas taisyti: jo negalima išduoti, kol jis vėl nebus naudojamas.</translation>
    </message>
    <message>
        <source>%1 %2 is back in service and can be lent.</source>
        <translation>%1 %2 vėl naudojamas ir gali būti išduotas.</translation>
    </message>
    <message>
        <source>Retire an item</source>
        <translation>Nurašyti daiktą</translation>
    </message>
    <message>
        <source>Retire %1 %2? A retired item can no longer be lent; its loans stay on record.</source>
        <translation>Nurašyti %1 %2? Nurašyto daikto nebegalima išduoti; jo išdavimų istorija išlieka.</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Nurašyti</translation>
    </message>
    <message>
        <source>%1 %2 is retired: it is no longer lent.</source>
        <translation>%1 %2 nurašytas: jis nebeišduodamas.</translation>
    </message>
    <message>
        <source>Lent %1 to %2, due back %3.</source>
        <translation>Išduota: %1 — %2, grąžinti iki %3.</translation>
    </message>
    <message>
        <source>Not lent, stays here: %1</source>
        <translation>Neišduota, lieka čia: %1</translation>
    </message>
    <message>
        <source>Returned: %1, from %2.</source>
        <translation>Grąžinta: %1, grąžino %2.</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Save</source>
        <translation>Išsaugoti</translation>
    </message>
    <message>
        <source>Add an item</source>
        <translation>Pridėti daiktą</translation>
    </message>
    <message>
        <source>Edit %1 %2</source>
        <translation>Redaguoti: %1 %2</translation>
    </message>
    <message>
        <source>e.g. LAP-04</source>
        <translation>pvz., LAP-04</translation>
    </message>
    <message>
        <source>The tag is printed on the item&apos;s label; it cannot change later.</source>
        <translation>Kodas spausdinamas daikto etiketėje, todėl vėliau jo pakeisti negalima.</translation>
    </message>
    <message>
        <source>e.g. Laptop Lenovo IdeaPad</source>
        <translation>pvz., Nešiojamasis kompiuteris Lenovo IdeaPad</translation>
    </message>
    <message>
        <source>Not part of a kit</source>
        <translation>Ne rinkinio dalis</translation>
    </message>
    <message>
        <source>This item is a kit with parts of its own.</source>
        <translation>Šis daiktas yra rinkinys su savo dalimis.</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Kodas</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Pavadinimas</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorija</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Serijos numeris</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Biblioteka</translation>
    </message>
    <message>
        <source>Part of the kit</source>
        <translation>Rinkinio dalis</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Pastabos</translation>
    </message>
</context>
<context>
    <name>JournalRefusals</name>
    <message>
        <source>Not taken by the server</source>
        <translation>Serveris nepriėmė</translation>
    </message>
    <message>
        <source>These scans were saved on this laptop while the server was away. When they were sent, the server did not take them, for the reason beside each.</source>
        <translation>Šie skenavimai buvo išsaugoti šiame kompiuteryje, kol serveris nebuvo pasiekiamas. Kai jie buvo išsiųsti, serveris jų nepriėmė; priežastis nurodyta prie kiekvieno.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Kada</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Kas</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Kodėl</translation>
    </message>
    <message>
        <source>What was done instead</source>
        <translation>Kas padaryta vietoj to</translation>
    </message>
    <message>
        <source>Check-in, card %1</source>
        <translation>Registracija, kortelė %1</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Registracija</translation>
    </message>
    <message>
        <source>New child registered: %1</source>
        <translation>Užregistruotas naujas vaikas: %1</translation>
    </message>
    <message>
        <source>Loan of %1</source>
        <translation>Išdavimas (%1)</translation>
    </message>
    <message>
        <source>Return of %1</source>
        <translation>Grąžinimas (%1)</translation>
    </message>
    <message>
        <source>Undo of a scan</source>
        <translation>Skenavimo atšaukimas</translation>
    </message>
</context>
<context>
    <name>KeyboardLayout</name>
    <message>
        <source>English (US) or Latvian (QWERTY)</source>
        <translation>anglų (JAV) arba latvių (QWERTY)</translation>
    </message>
    <message>
        <source>Latvian (ergonomic, ŪGJRMV)</source>
        <translation>latvių (ergonominis, ŪGJRMV)</translation>
    </message>
    <message>
        <source>Lithuanian</source>
        <translation>lietuvių</translation>
    </message>
    <message>
        <source>Lithuanian (standard, LST 1582)</source>
        <translation>lietuvių (standartinis, LST 1582)</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>rusų</translation>
    </message>
    <message>
        <source>German</source>
        <translation>vokiečių</translation>
    </message>
    <message>
        <source>French (AZERTY)</source>
        <translation>prancūzų (AZERTY)</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>OpenUp Desk: check in</source>
        <translation>OpenUp Desk: registracija</translation>
    </message>
    <message>
        <source>Tap your name, or hold your card to the scanner or the camera.</source>
        <translation>Paliesk savo vardą arba pridėk savo kortelę prie skaitytuvo ar kameros.</translation>
    </message>
    <message>
        <source>My card to the camera</source>
        <translation>Mano kortelė – prie kameros</translation>
    </message>
    <message>
        <source>Librarian: leave the kiosk</source>
        <translation>Bibliotekininkui: išeiti iš kiosko</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Visi</translation>
    </message>
    <message>
        <source>That did not work. Please ask a librarian.</source>
        <translation>Nepavyko. Prašom paklausti bibliotekininko.</translation>
    </message>
    <message>
        <source>This card could not be read. Please try again.</source>
        <translation>Kortelės nepavyko nuskaityti. Pabandyk dar kartą.</translation>
    </message>
    <message>
        <source>This is an equipment label. Hold your own card, please.</source>
        <translation>Tai įrangos etiketė. Prašom pridėti savo kortelę.</translation>
    </message>
    <message>
        <source>This card is not known here. Please ask a librarian.</source>
        <translation>Ši kortelė čia nežinoma. Prašom paklausti bibliotekininko.</translation>
    </message>
    <message>
        <source>Hello, %1! You are already checked in.</source>
        <translation>Labas, %1! Tavo atvykimas jau pažymėtas.</translation>
    </message>
    <message>
        <source>Welcome, %1!</source>
        <translation>Sveiki, %1!</translation>
    </message>
    <message>
        <source>Today: %1</source>
        <translation>Šiandien: %1</translation>
    </message>
    <message>
        <source>Have a good time!</source>
        <translation>Smagaus užsiėmimo!</translation>
    </message>
    <message>
        <source>No session is running now (or starting within half an hour): the kiosk opens for a running session.</source>
        <translation>Šiuo metu nevyksta joks užsiėmimas (ir per pusvalandį joks neprasideda): kioskas atsidaro tik užsiėmimo metu.</translation>
    </message>
</context>
<context>
    <name>LabelsForm</name>
    <message>
        <source>QR labels for equipment</source>
        <translation>Įrangos QR lipdukai</translation>
    </message>
    <message>
        <source>Labels to stick on the equipment: scanning one lends or takes back the item. Start at the first free label of a half-used sheet.</source>
        <translation>Lipdukai įrangai: nuskaičius lipduką daiktas išduodamas arba grąžinamas. Iš dalies panaudotame lape pradėkite nuo pirmo laisvo lipduko.</translation>
    </message>
    <message>
        <source>Label sheet</source>
        <translation>Lipdukų lapas</translation>
    </message>
    <message>
        <source>First free label</source>
        <translation>Pirmas laisvas lipdukas</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Daiktai</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Peržiūrėti…</translation>
    </message>
    <message>
        <source>Tick at least one item.</source>
        <translation>Pažymėkite bent vieną daiktą.</translation>
    </message>
</context>
<context>
    <name>LendDialog</name>
    <message>
        <source>Lend</source>
        <translation>Išduoti</translation>
    </message>
    <message>
        <source>Lend %1</source>
        <translation>Išduoti %1</translation>
    </message>
    <message>
        <source>Lend %1 %2 to:</source>
        <translation>Kam išduoti %1 %2:</translation>
    </message>
    <message>
        <source>A child</source>
        <translation>Vaikui</translation>
    </message>
    <message>
        <source>A librarian</source>
        <translation>Bibliotekininkui</translation>
    </message>
    <message>
        <source>Type a few letters of the name</source>
        <translation>Įveskite kelias vardo raides</translation>
    </message>
    <message>
        <source>Lend its parts too: %1</source>
        <translation>Išduoti ir jo dalis: %1</translation>
    </message>
    <message>
        <source>Due back at</source>
        <translation>Grąžinti iki</translation>
    </message>
    <message>
        <source>If not set: when the session running now ends, else at the end of today.</source>
        <translation>Jei nenurodyta: kai baigsis dabar vykstantis užsiėmimas, kitaip – šios dienos pabaigoje.</translation>
    </message>
    <message>
        <source>The due time has already passed.</source>
        <translation>Grąžinimo laikas jau praėjo.</translation>
    </message>
</context>
<context>
    <name>LockCover</name>
    <message>
        <source>OpenUp Desk is locked.</source>
        <translation>OpenUp Desk užrakinta.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>OpenUp Desk</source>
        <translation>OpenUp Desk</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Šiandien</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Dalyviai</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Užsiėmimai</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Įranga</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Ataskaitos</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audito žurnalas</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Nustatymai</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Duomenų bazė: %1</translation>
    </message>
    <message>
        <source>Working with the database…</source>
        <translation>Dirbama su duomenų baze…</translation>
    </message>
    <message>
        <source>Signed in:</source>
        <translation>Prisijungta kaip:</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Atsijungti</translation>
    </message>
    <message>
        <source>Cover the window until someone signs in</source>
        <translation>Uždengti langą, kol kas nors prisijungs</translation>
    </message>
</context>
<context>
    <name>Merge</name>
    <message>
        <source>matched by card with #{id}</source>
        <translation>rastas pagal kortelę: #{id}</translation>
    </message>
    <message>
        <source>the same registration as #{id}</source>
        <translation>tas pats užregistruotas vaikas: #{id}</translation>
    </message>
    <message>
        <source>matched by name and birth year with #{id}</source>
        <translation>rastas pagal vardą ir gimimo metus: #{id}</translation>
    </message>
    <message>
        <source>matched with #{id}, as decided</source>
        <translation>susietas su #{id}, kaip nuspręsta</translation>
    </message>
    <message>
        <source>a new child, as decided</source>
        <translation>naujas vaikas, kaip nuspręsta</translation>
    </message>
    <message>
        <source>matched with #{id}, who gets the card made on the laptop</source>
        <translation>susietas su #{id}, kuris gauna kompiuteryje sukurtą kortelę</translation>
    </message>
    <message>
        <source>the same name as {candidates}: the same child?</source>
        <translation>toks pat vardas kaip {candidates}: ar tas pats vaikas?</translation>
    </message>
    <message>
        <source>erased in the database in use on {day}: the laptop&apos;s copy does not bring it back</source>
        <translation>ištrintas naudojamoje duomenų bazėje {day}: kompiuterio kopija jo nesugrąžina</translation>
    </message>
    <message>
        <source>erased on the laptop</source>
        <translation>ištrintas kompiuteryje</translation>
    </message>
    <message>
        <source>the child is left out</source>
        <translation>vaikas nepridedamas</translation>
    </message>
    <message>
        <source>lent to the account {username}, which the database in use does not have</source>
        <translation>išduota paskyrai {username}, kurios naudojamoje duomenų bazėje nėra</translation>
    </message>
    <message>
        <source>{tag} is out in the database in use since {moment}</source>
        <translation>{tag} naudojamoje duomenų bazėje išduotas nuo {moment}</translation>
    </message>
    <message>
        <source>returned on the laptop</source>
        <translation>grąžinta kompiuteryje</translation>
    </message>
    <message>
        <source>withdrawn on the laptop</source>
        <translation>atšauktas kompiuteryje</translation>
    </message>
    <message>
        <source>marked on the laptop as {status}</source>
        <translation>kompiuteryje pažymėta: {status}</translation>
    </message>
    <message>
        <source>held</source>
        <translation>įvyko</translation>
    </message>
    <message>
        <source>did not occur</source>
        <translation>neįvyko</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge a laptop&apos;s records</source>
        <translation>Sujungti kompiuterio įrašus</translation>
    </message>
    <message>
        <source>A laptop that worked on its own file (at a camp, say) brings its sessions, check-ins, new children, loans and consents into this database. First you see what would be added, what is already here and what is left out; nothing is written until you press Merge. Merging the same file again adds nothing.</source>
        <translation>Kompiuteris, dirbęs su savo failu (pavyzdžiui, stovykloje), perkelia į šią duomenų bazę savo užsiėmimus, apsilankymus, naujus vaikus, išdavimus ir sutikimus. Pirmiausia matote, kas būtų pridėta, kas čia jau yra ir kas nepridedama; niekas neįrašoma, kol nepaspaudžiate „Sujungti“. Sujungus tą patį failą dar kartą, niekas nepridedama.</translation>
    </message>
    <message>
        <source>Choose the laptop&apos;s file…</source>
        <translation>Pasirinkti kompiuterio failą…</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Failas nepasirinktas</translation>
    </message>
    <message>
        <source>Child on the laptop</source>
        <translation>Vaikas kompiuteryje</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Kas vyksta</translation>
    </message>
    <message>
        <source>Why, or your decision</source>
        <translation>Kodėl, arba jūsų sprendimas</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Sujungti</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Uždaryti</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Vaikai</translation>
    </message>
    <message>
        <source>Other records: new, brought up to date or left out</source>
        <translation>Kiti įrašai: nauji, atnaujinti arba nepridedami</translation>
    </message>
    <message>
        <source>sites: %1</source>
        <translation>bibliotekos – %1</translation>
    </message>
    <message>
        <source>programs: %1</source>
        <translation>programos – %1</translation>
    </message>
    <message>
        <source>sessions: %1</source>
        <translation>užsiėmimai – %1</translation>
    </message>
    <message>
        <source>children: %1</source>
        <translation>vaikai – %1</translation>
    </message>
    <message>
        <source>consents: %1</source>
        <translation>sutikimai – %1</translation>
    </message>
    <message>
        <source>check-ins: %1</source>
        <translation>apsilankymai – %1</translation>
    </message>
    <message>
        <source>items: %1</source>
        <translation>daiktai – %1</translation>
    </message>
    <message>
        <source>loans: %1</source>
        <translation>išdavimai – %1</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Biblioteka</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Užsiėmimas</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Vaikas</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Sutikimas</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Apsilankymas</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Daiktas</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>Išdavimas</translation>
    </message>
    <message>
        <source>new</source>
        <translation>naujas</translation>
    </message>
    <message>
        <source>already here</source>
        <translation>jau yra čia</translation>
    </message>
    <message>
        <source>already here, brought up to date</source>
        <translation>jau yra čia, atnaujintas</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>nepridedamas</translation>
    </message>
    <message>
        <source>needs your decision</source>
        <translation>reikia jūsų sprendimo</translation>
    </message>
    <message>
        <source>OpenUp Desk databases (*.sqlite3);;All files (*)</source>
        <translation>OpenUp Desk duomenų bazės (*.sqlite3);;Visi failai (*)</translation>
    </message>
    <message>
        <source>Reading the laptop&apos;s file…</source>
        <translation>Skaitomas kompiuterio failas…</translation>
    </message>
    <message>
        <source>Merged, new: %1.</source>
        <translation>Sujungta, nauji: %1.</translation>
    </message>
    <message>
        <source>New: %1.</source>
        <translation>Nauji: %1.</translation>
    </message>
    <message>
        <source>Already here: %1.</source>
        <translation>Jau yra čia: %1.</translation>
    </message>
    <message>
        <source>Left out: %1.</source>
        <translation>Nepridedami: %1.</translation>
    </message>
    <message>
        <source>Children that need your decision: %1.</source>
        <translation>Vaikai, dėl kurių reikia jūsų sprendimo: %1.</translation>
    </message>
    <message>
        <source>The laptop&apos;s file holds no records.</source>
        <translation>Kompiuterio faile nėra įrašų.</translation>
    </message>
    <message>
        <source>Leave out for now</source>
        <translation>Kol kas nepridėti</translation>
    </message>
    <message>
        <source>The same child as %1</source>
        <translation>Tas pats vaikas kaip %1</translation>
    </message>
    <message>
        <source>Add as a new child</source>
        <translation>Pridėti kaip naują vaiką</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Sujungiama…</translation>
    </message>
</context>
<context>
    <name>MonthField</name>
    <message>
        <source>MM.YYYY</source>
        <translation>metai-mėn.</translation>
    </message>
    <message>
        <source>Month and year, e.g. 10.2018 (Up/Down: previous or next month)</source>
        <translation>Metai ir mėnuo, pvz., 2018-10 (aukštyn/žemyn: ankstesnis ar kitas mėnuo)</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <source>◀ Previous month</source>
        <translation>◀ Ankstesnis mėnuo</translation>
    </message>
    <message>
        <source>Page Up</source>
        <translation>Page Up</translation>
    </message>
    <message>
        <source>Next month ▶</source>
        <translation>Kitas mėnuo ▶</translation>
    </message>
    <message>
        <source>Page Down</source>
        <translation>Page Down</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Šis mėnuo</translation>
    </message>
    <message>
        <source>New session…</source>
        <translation>Naujas užsiėmimas…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Weekly series…</source>
        <translation>Savaitinė serija…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Laikas</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Vieta</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Būsena</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Užregistruota</translation>
    </message>
    <message>
        <source>Not registered</source>
        <translation>Neregistruota</translation>
    </message>
    <message>
        <source>Visitors counted at the session but not registered by name</source>
        <translation>Užsiėmime suskaičiuoti lankytojai, neužregistruoti vardu</translation>
    </message>
    <message>
        <source>No sessions are scheduled in this month.</source>
        <translation>Šį mėnesį užsiėmimų nesuplanuota.</translation>
    </message>
    <message>
        <source>Open attendance</source>
        <translation>Atidaryti lankomumą</translation>
    </message>
    <message>
        <source>Enter, or double-click the session</source>
        <translation>Enter arba dukart spustelėkite užsiėmimą</translation>
    </message>
    <message>
        <source>Mark held</source>
        <translation>Pažymėti: įvyko</translation>
    </message>
    <message>
        <source>Cancel session…</source>
        <translation>Pažymėti: neįvyko…</translation>
    </message>
    <message>
        <source>Mark that the session did not occur</source>
        <translation>Pažymėti, kad užsiėmimas neįvyko</translation>
    </message>
    <message>
        <source>Back to planned</source>
        <translation>Atgal į suplanuotus</translation>
    </message>
    <message>
        <source>Undo “held” or “did not occur”</source>
        <translation>Atšaukti „įvyko“ arba „neįvyko“</translation>
    </message>
    <message>
        <source>Sign-in sheet…</source>
        <translation>Parašų lapas…</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>month name and year</comment>
        <translation>%2 m. %1</translation>
    </message>
    <message>
        <source>Led by %1</source>
        <translation>Veda %1</translation>
    </message>
    <message>
        <source>Every date of the series already had a session.</source>
        <translation>Visomis serijos datomis užsiėmimai jau buvo.</translation>
    </message>
    <message>
        <source>Scheduled the session of %1.</source>
        <translation>Suplanuotas užsiėmimas %1.</translation>
    </message>
    <message>
        <source>Scheduled %1 sessions.</source>
        <translation>Suplanuota užsiėmimų: %1.</translation>
    </message>
    <message>
        <source>Mark the session of %1 (%2) as “did not occur”? Attendance already taken stays in the records.</source>
        <translation>Užsiėmimas %1 (%2): pažymėti, kad jis neįvyko? Jau užregistruotas lankomumas išliks įrašuose.</translation>
    </message>
    <message>
        <source>Cancel session</source>
        <translation>Užsiėmimas neįvyko</translation>
    </message>
    <message>
        <source>Schedule sessions…</source>
        <translation>Planuoti užsiėmimus…</translation>
    </message>
    <message>
        <source>There are no programs yet. Create the first program and schedule its sessions: then the desk picks the session running now.</source>
        <translation>Dar nėra jokių programų. Sukurkite pirmąją programą ir suplanuokite jos užsiėmimus: tada puslapis „Šiandien“ pats parinks vykstantį užsiėmimą.</translation>
    </message>
    <message>
        <source>Create the first program…</source>
        <translation>Sukurti pirmąją programą…</translation>
    </message>
</context>
<context>
    <name>MonthlyForm</name>
    <message>
        <source>Monthly attendance</source>
        <translation>Mėnesio lankomumas</translation>
    </message>
    <message>
        <source>Children × session dates with present, late, excused and absent marks, per program, with the month&apos;s totals.</source>
        <translation>Vaikai × užsiėmimų datos su žymomis dalyvavo, vėlavo, pateisinta, nedalyvavo — kiekvienai programai, su mėnesio sumomis.</translation>
    </message>
    <message>
        <source>All programs</source>
        <translation>Visos programos</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mėnuo</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Biblioteka</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Kalba</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Peržiūrėti…</translation>
    </message>
    <message>
        <source>Type the month as month.year, e.g. 10.2018.</source>
        <translation>Įrašykite mėnesį kaip metai-mėnuo, pvz., 2018-10.</translation>
    </message>
</context>
<context>
    <name>NameSearch</name>
    <message>
        <source>No photo consent: do not photograph this child.</source>
        <translation>Nėra sutikimo fotografuoti: šio vaiko nefotografuokite.</translation>
    </message>
    <message>
        <source>already here</source>
        <translation>jau čia</translation>
    </message>
    <message>
        <source>Already checked in to this session</source>
        <translation>Jau užregistruota šiame užsiėmime</translation>
    </message>
</context>
<context>
    <name>NewChildDialog</name>
    <message>
        <source>New child</source>
        <translation>Naujas vaikas</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>nežinomi</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vardas</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Pavardė</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Gimimo metai</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Globėjas</translation>
    </message>
    <message>
        <source>Guardian&apos;s phone</source>
        <translation>Globėjo telefonas</translation>
    </message>
    <message>
        <source>The guardian consents to</source>
        <translation>Globėjas sutinka su</translation>
    </message>
    <message>
        <source>Save and check in</source>
        <translation>Išsaugoti ir užregistruoti</translation>
    </message>
    <message>
        <source>Already registered: %1. Is this the same child?</source>
        <translation>Jau užregistruota: %1. Ar tai tas pats vaikas?</translation>
    </message>
    <message>
        <source>Check in %1 instead</source>
        <translation>Vietoj to užregistruoti: %1</translation>
    </message>
</context>
<context>
    <name>NewProgramDialog</name>
    <message>
        <source>New program</source>
        <translation>Nauja programa</translation>
    </message>
    <message>
        <source>e.g. Nāc, pievienojies!</source>
        <translation>pvz., Nāc, pievienojies!</translation>
    </message>
    <message>
        <source>Its sessions are scheduled next.</source>
        <translation>Jos užsiėmimus suplanuosite kitame žingsnyje.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Sukurti</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Pavadinimas</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Rūšis</translation>
    </message>
</context>
<context>
    <name>NewSessionDialog</name>
    <message>
        <source>New session</source>
        <translation>Naujas užsiėmimas</translation>
    </message>
    <message>
        <source>What the session is about</source>
        <translation>Apie ką užsiėmimas</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>Pradžia</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>Pabaiga</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Vieta</translation>
    </message>
    <message>
        <source>Led by</source>
        <translation>Veda</translation>
    </message>
</context>
<context>
    <name>OutList</name>
    <message>
        <source>Tag</source>
        <translation>Kodas</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Daiktas</translation>
    </message>
    <message>
        <source>Who has it</source>
        <translation>Kam išduota</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Nuo</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Grąžinti iki</translation>
    </message>
    <message>
        <source>Out now: %1</source>
        <translation>Išduota: %1</translation>
    </message>
    <message>
        <source>overdue: %1</source>
        <translation>vėluoja: %1</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vėluoja grąžinti</translation>
    </message>
    <message>
        <source>Saved on this laptop, not yet sent</source>
        <translation>Išsaugota šiame kompiuteryje, dar neišsiųsta</translation>
    </message>
</context>
<context>
    <name>OutcomeMessage</name>
    <message>
        <source>An item scanned now is lent to %1.</source>
        <translation>Dabar nuskaitytas daiktas bus išduotas: %1.</translation>
    </message>
    <message>
        <source>check-in of %1</source>
        <translation>registracija (%1)</translation>
    </message>
    <message>
        <source>loan of %1</source>
        <translation>išdavimas (%1)</translation>
    </message>
    <message>
        <source>%1 still has overdue: %2</source>
        <translation>%1: laiku negrąžinta — %2</translation>
    </message>
    <message>
        <source>Not lent: %1</source>
        <translation>Neišduota: %1</translation>
    </message>
    <message>
        <source>return of %1</source>
        <translation>grąžinimas (%1)</translation>
    </message>
</context>
<context>
    <name>ParticipantForm</name>
    <message>
        <source>Choose a child in the list, or add a new participant.</source>
        <translation>Pasirinkite vaiką sąraše arba pridėkite naują dalyvį.</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>nežinomi</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>nenurodyta</translation>
    </message>
    <message>
        <source>Target group (social-risk family)</source>
        <translation>Tikslinė grupė (socialinės rizikos šeima)</translation>
    </message>
    <message>
        <source>Sensitive: shown only on this page and only ever counted in reports, never printed by name.</source>
        <translation>Jautrūs duomenys: rodomi tik šiame puslapyje, ataskaitose tik skaičiuojami, niekada nespausdinami su vardu.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vardas</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Pavardė</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Gimimo metai</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Lytis</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Biblioteka</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Globėjas</translation>
    </message>
    <message>
        <source>Guardian&apos;s phone</source>
        <translation>Globėjo telefonas</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Pastabos</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Duomenys</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registruoti</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Išsaugoti</translation>
    </message>
    <message>
        <source>Register anyway</source>
        <translation>Vis tiek registruoti</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Išsaugota.</translation>
    </message>
    <message>
        <source>Registered. Consents can be recorded now.</source>
        <translation>Užregistruota. Dabar galima įrašyti sutikimus.</translation>
    </message>
    <message>
        <source>Archived.</source>
        <translation>Archyvuota.</translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation>Atkurta.</translation>
    </message>
    <message>
        <source>Erased. Attendance stays, anonymous.</source>
        <translation>Ištrinta. Lankomumas išlieka anonimiškai.</translation>
    </message>
</context>
<context>
    <name>ParticipantsModel</name>
    <message>
        <source>Last name</source>
        <translation>Pavardė</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vardas</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Gimė</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Biblioteka</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>Tikslinė grupė</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Kortelė</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archyvuotas</translation>
    </message>
    <message>
        <source>✗ no photos</source>
        <translation>✗ be foto</translation>
    </message>
</context>
<context>
    <name>ParticipantsPage</name>
    <message>
        <source>Participants</source>
        <translation>Dalyviai</translation>
    </message>
    <message>
        <source>Search by name: “kenins” finds Ķēniņš</source>
        <translation>Paieška pagal vardą: „kenins“ randa Ķēniņš</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>Visos bibliotekos</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>Rodyti archyvuotus</translation>
    </message>
    <message>
        <source>New participant</source>
        <translation>Naujas dalyvis</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importuoti…</translation>
    </message>
    <message>
        <source>Register the children of a roster (CSV or XLSX)</source>
        <translation>Užregistruoti vaikus iš sąrašo (CSV arba XLSX)</translation>
    </message>
    <message>
        <source>Print member cards…</source>
        <translation>Spausdinti nario korteles…</translation>
    </message>
    <message>
        <source>The card of the chosen child, or of every child shown</source>
        <translation>Pasirinkto vaiko arba visų rodomų vaikų kortelės</translation>
    </message>
    <message>
        <source>Shown: %1</source>
        <translation>Rodoma: %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Neišsaugoti pakeitimai</translation>
    </message>
    <message>
        <source>The changes to this participant are not saved. Discard them?</source>
        <translation>Šio dalyvio pakeitimai neišsaugoti. Atmesti juos?</translation>
    </message>
</context>
<context>
    <name>PastRetentionModel</name>
    <message>
        <source>Child</source>
        <translation>Vaikas</translation>
    </message>
    <message>
        <source>Last came</source>
        <translation>Paskutinis apsilankymas</translation>
    </message>
    <message>
        <source>Counted from</source>
        <translation>Termino pradžia</translation>
    </message>
    <message>
        <source>never (registered %1)</source>
        <translation>niekada (užregistruotas %1)</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Pages: %1</source>
        <translation>Puslapiai: %1</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Spausdinti…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Išsaugoti kaip PDF…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Išsaugoti kaip PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF dokumentai (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PresentList</name>
    <message>
        <source>Here now: %1</source>
        <translation>Dabar čia: %1</translation>
    </message>
    <message>
        <source>no photos</source>
        <translation>be nuotraukų</translation>
    </message>
    <message>
        <source>No photo consent: do not photograph this child.</source>
        <translation>Nėra sutikimo fotografuoti: šio vaiko nefotografuokite.</translation>
    </message>
    <message>
        <source>Saved on this laptop, not yet sent</source>
        <translation>Išsaugota šiame kompiuteryje, dar neišsiųsta</translation>
    </message>
</context>
<context>
    <name>PrivacyGroup</name>
    <message>
        <source>Children&apos;s records</source>
        <translation>Vaikų duomenys</translation>
    </message>
    <message>
        <source> years</source>
        <translation> m.</translation>
    </message>
    <message>
        <source>after the last attendance</source>
        <translation>po paskutinio apsilankymo</translation>
    </message>
    <message>
        <source>after the project ends (or the last attendance, if later)</source>
        <translation>po projekto pabaigos (arba po paskutinio apsilankymo, jei jis vėlesnis)</translation>
    </message>
    <message>
        <source>Save the rule</source>
        <translation>Išsaugoti taisyklę</translation>
    </message>
    <message>
        <source>Children past the retention period…</source>
        <translation>Vaikai, kurių saugojimo terminas pasibaigė…</translation>
    </message>
    <message>
        <source>An administrator sets how long children&apos;s records are kept.</source>
        <translation>Kiek laiko saugoti vaikų duomenis, nustato administratorius.</translation>
    </message>
    <message>
        <source>Keep a child&apos;s records</source>
        <translation>Saugoti vaiko duomenis</translation>
    </message>
    <message>
        <source>Saved: the rule holds on every computer of this database.</source>
        <translation>Išsaugota: taisyklė galioja visuose kompiuteriuose, kurie naudoja šią duomenų bazę.</translation>
    </message>
</context>
<context>
    <name>ProgramKind</name>
    <message>
        <source>Training cycle</source>
        <translation>Mokymų ciklas</translation>
    </message>
    <message>
        <source>Open sessions</source>
        <translation>Atviri užsiėmimai</translation>
    </message>
    <message>
        <source>Camp</source>
        <translation>Stovykla</translation>
    </message>
    <message>
        <source>Seminar for librarians</source>
        <translation>Seminaras bibliotekininkams</translation>
    </message>
</context>
<context>
    <name>ProgressWindow</name>
    <message>
        <source>Cancel</source>
        <translation>Atšaukti</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Rodyti išsamiau...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Slėpti išsamią informaciją...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Gerai</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Atšaukti</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Išsaugoti</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Taip</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Ne</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Atmesti</translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <source>All sites</source>
        <translation>Visos bibliotekos</translation>
    </message>
    <message>
        <source>Tick all</source>
        <translation>Pažymėti visus</translation>
    </message>
    <message>
        <source>Tick none</source>
        <translation>Nuimti visas žymes</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Monthly attendance</source>
        <translation>Mėnesio lankomumas</translation>
    </message>
    <message>
        <source>Project indicators</source>
        <translation>Projekto rodikliai</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>Parašų lapas</translation>
    </message>
    <message>
        <source>QR labels</source>
        <translation>QR lipdukai</translation>
    </message>
    <message>
        <source>Member cards</source>
        <translation>Nario kortelės</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Eksportas į Excel</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Ataskaitos</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>Children past the retention period</source>
        <translation>Vaikai, kurių saugojimo terminas pasibaigė</translation>
    </message>
    <message>
        <source>The library keeps a child&apos;s records %1. Older than that: %2 children.</source>
        <translation>Biblioteka saugo vaiko duomenis %1. Ilgiau saugomų vaikų: %2.</translation>
    </message>
    <message>
        <source>Erase these %1 children…</source>
        <translation>Ištrinti šiuos vaikus (%1)…</translation>
    </message>
    <message>
        <source>Erase the records of %1 children for good? Their names, guardians, phones, notes, consents and card codes are removed; attendance stays as anonymous rows, so the project&apos;s totals do not change. This cannot be undone.</source>
        <translation>Negrįžtamai ištrinti šių vaikų duomenis (vaikų: %1)? Bus pašalinti jų vardai, globėjai, telefonai, pastabos, sutikimai ir kortelių kodai; lankomumas lieka kaip anoniminės eilutės, todėl projekto sumos nepasikeičia. To atšaukti negalima.</translation>
    </message>
    <message>
        <source>Erased: %1 children.</source>
        <translation>Ištrinta vaikų: %1.</translation>
    </message>
    <message>
        <source>Erasing the records of the children past the retention period…</source>
        <translation>Trinami vaikų, kurių saugojimo terminas pasibaigė, duomenys…</translation>
    </message>
    <message>
        <source>Stopping after this batch: the children erased so far stay erased, the others are kept.</source>
        <translation>Sustabdoma po šios dalies: jau ištrinti vaikų duomenys lieka ištrinti, kiti išsaugomi.</translation>
    </message>
    <message>
        <source>Stopped: %1 children erased, %2 kept.</source>
        <translation>Sustabdyta: ištrinta vaikų: %1, išsaugota: %2.</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return</source>
        <translation>Grąžinti</translation>
    </message>
    <message>
        <source>Return %1</source>
        <translation>Grąžinti %1</translation>
    </message>
    <message>
        <source>%1 %2 comes back from %3, lent %4.</source>
        <translation>%1 %2 grąžina %3, išduota %4.</translation>
    </message>
    <message>
        <source>It was due back at %1.</source>
        <translation>Turėjo būti grąžinta iki %1.</translation>
    </message>
    <message>
        <source>e.g. stick drifts, screen scratched</source>
        <translation>pvz., lazdelė pati slenka, ekranas subraižytas</translation>
    </message>
    <message>
        <source>Condition note (optional)</source>
        <translation>Pastaba apie būklę (nebūtina)</translation>
    </message>
    <message>
        <source>Its parts come back too: %1</source>
        <translation>Grąžinamos ir dalys: %1</translation>
    </message>
</context>
<context>
    <name>ReturnNote</name>
    <message>
        <source>Condition (optional), e.g. stick drifts</source>
        <translation>Būklė (nebūtina), pvz., lazdelė pati slenka</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Išsaugoti pastabą</translation>
    </message>
    <message>
        <source>Note on %1:</source>
        <translation>Pastaba apie %1:</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <source>Unknown answer “{value}” in {column}: write jā/nē, yes/no or 1/0.</source>
        <translation>Nežinomas atsakymas „{value}“ stulpelyje {column}: rašykite jā/nē, yes/no arba 1/0.</translation>
    </message>
    <message>
        <source>Birth year “{value}” is not a number.</source>
        <translation>Gimimo metai „{value}“ nėra skaičius.</translation>
    </message>
    <message>
        <source>Birth year {year} is impossible: it must be between 1900 and {now}.</source>
        <translation>Gimimo metai {year} neįmanomi: jie turi būti nuo 1900 iki {now}.</translation>
    </message>
    <message>
        <source>Unknown gender “{value}”: write meitene/zēns or girl/boy.</source>
        <translation>Nežinoma lytis „{value}“: rašykite meitene/zēns arba girl/boy.</translation>
    </message>
    <message>
        <source>The first name is missing.</source>
        <translation>Trūksta vardo.</translation>
    </message>
    <message>
        <source>The last name is missing.</source>
        <translation>Trūksta pavardės.</translation>
    </message>
    <message>
        <source>{column} is too long: at most {limit} characters.</source>
        <translation>Laukas {column} per ilgas: ne daugiau kaip {limit} simbolių.</translation>
    </message>
    <message>
        <source>{column} contains control characters.</source>
        <translation>Lauke {column} yra valdymo simbolių.</translation>
    </message>
    <message>
        <source>The same child as in row {row}.</source>
        <translation>Tas pats vaikas kaip {row} eilutėje.</translation>
    </message>
    <message>
        <source>Already registered: {name}.</source>
        <translation>Jau užregistruotas: {name}.</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Row</source>
        <translation>Eilutė</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vardas</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Pavardė</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Gimė</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Lytis</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Globėjas</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Nuotraukos</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemos</translation>
    </message>
</context>
<context>
    <name>ScanField</name>
    <message>
        <source>Scan a card or a label, or type a name</source>
        <translation>Nuskaitykite kortelę, etiketę ar įveskite vardą</translation>
    </message>
</context>
<context>
    <name>SessionHeader</name>
    <message>
        <source>Choose another session</source>
        <translation>Pasirinkti kitą užsiėmimą</translation>
    </message>
    <message>
        <source>Create the first program…</source>
        <translation>Sukurti pirmąją programą…</translation>
    </message>
    <message>
        <source>Session:</source>
        <translation>Užsiėmimas:</translation>
    </message>
    <message>
        <source>— no session —</source>
        <translation>— be užsiėmimo —</translation>
    </message>
    <message>
        <source>(cancelled)</source>
        <translation>(atšauktas)</translation>
    </message>
    <message>
        <source>This library has no programs yet. Create its first program and its sessions to check children in.</source>
        <translation>Ši biblioteka dar neturi jokių programų. Sukurkite jos pirmąją programą ir užsiėmimus, kad galėtumėte registruoti vaikus.</translation>
    </message>
    <message>
        <source>No session is running now. Choose one to check children in.</source>
        <translation>Šiuo metu nevyksta joks užsiėmimas. Pasirinkite užsiėmimą, kad galėtumėte registruoti vaikus.</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>Sessions</source>
        <translation>Užsiėmimai</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>until the session ends, else the day ends</source>
        <translation>iki užsiėmimo pabaigos, kitaip iki dienos pabaigos</translation>
    </message>
    <message>
        <source> h</source>
        <translation> val.</translation>
    </message>
    <message>
        <source>Play a sound after each scan</source>
        <translation>Groti garsą po kiekvieno nuskaitymo</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min.</translation>
    </message>
    <message>
        <source>Nobody touched the program this long: it locks and asks for the password</source>
        <translation>Jei programos niekas neliečia tiek laiko, ji užsirakina ir prašo slaptažodžio</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Kalba</translation>
    </message>
    <message>
        <source>Site of this laptop</source>
        <translation>Šio kompiuterio biblioteka</translation>
    </message>
    <message>
        <source>Default loan length</source>
        <translation>Numatytoji išdavimo trukmė</translation>
    </message>
    <message>
        <source>Lock when idle for</source>
        <translation>Užrakinti po neveikos</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Nustatymai</translation>
    </message>
    <message>
        <source>About OpenUp Desk…</source>
        <translation>Apie OpenUp Desk…</translation>
    </message>
    <message>
        <source>Version, database and licences (F1)</source>
        <translation>Versija, duomenų bazė ir licencijos (F1)</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>OpenUp Desk: sign in</source>
        <translation>OpenUp Desk: prisijungimas</translation>
    </message>
    <message>
        <source>The program was locked while nobody used it. Type your password to go on.</source>
        <translation>Programa užsirakino, kol niekas jos nenaudojo. Įrašykite slaptažodį, kad galėtumėte tęsti.</translation>
    </message>
    <message>
        <source>Sign in with your username and password.</source>
        <translation>Prisijunkite naudotojo vardu ir slaptažodžiu.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Naudotojo vardas</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Slaptažodis</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Prisijungti</translation>
    </message>
    <message>
        <source>Type your username and your password.</source>
        <translation>Įrašykite naudotojo vardą ir slaptažodį.</translation>
    </message>
</context>
<context>
    <name>SigninForm</name>
    <message>
        <source>Sign-in sheet</source>
        <translation>Parašų lapas</translation>
    </message>
    <message>
        <source>The list of one session for the children&apos;s signatures: those checked in, then empty rows for walk-ins.</source>
        <translation>Vieno užsiėmimo sąrašas vaikų parašams: užregistruoti, po to tuščios eilutės naujai atėjusiems.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Užsiėmimas</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Kalba</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Peržiūrėti…</translation>
    </message>
    <message>
        <source>No session on this date.</source>
        <translation>Šią dieną užsiėmimų nėra.</translation>
    </message>
</context>
<context>
    <name>UpgradeDialog</name>
    <message>
        <source>Upgrade the shared database</source>
        <translation>Bendros duomenų bazės atnaujinimas</translation>
    </message>
    <message>
        <source>An administrator signs to upgrade it now:</source>
        <translation>Kad ji būtų atnaujinta dabar, administratorius įveda savo duomenis:</translation>
    </message>
    <message>
        <source>Administrator&apos;s username:</source>
        <translation>Administratoriaus naudotojo vardas:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Slaptažodis:</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Atnaujinti</translation>
    </message>
</context>
<context>
    <name>WeeklySeriesDialog</name>
    <message>
        <source>Weekly series of sessions</source>
        <translation>Savaitinė užsiėmimų serija</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>First date</source>
        <translation>Pirma data</translation>
    </message>
    <message>
        <source>Last date</source>
        <translation>Paskutinė data</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>Pradžia</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>Pabaiga</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Vieta</translation>
    </message>
    <message>
        <source>Led by</source>
        <translation>Veda</translation>
    </message>
    <message>
        <source>Type each date&apos;s theme in the table; a theme may stay empty.</source>
        <translation>Lentelėje įrašykite kiekvienos datos temą; tema gali likti tuščia.</translation>
    </message>
    <message>
        <source>Already scheduled; this date is left as it is.</source>
        <translation>Jau suplanuota; ši data paliekama kaip yra.</translation>
    </message>
    <message>
        <source>The last date is before the first one.</source>
        <translation>Paskutinė data yra ankstesnė nei pirma.</translation>
    </message>
    <message>
        <source>Every %1: %2 sessions from %3 to %4.</source>
        <translation>Savaitės diena: %1. Naujų užsiėmimų nuo %3 iki %4: %2.</translation>
    </message>
    <message>
        <source>%1 dates already have a session and are left as they are.</source>
        <translation>Datų, kuriomis užsiėmimas jau yra: %1; jos paliekamos kaip yra.</translation>
    </message>
</context>
<context>
    <name>_ScheduleDialog</name>
    <message>
        <source>e.g. children&apos;s reading room</source>
        <translation>pvz., vaikų skaitykla</translation>
    </message>
    <message>
        <source>(nobody chosen)</source>
        <translation>(niekas nepasirinktas)</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Suplanuoti</translation>
    </message>
    <message>
        <source>This site has no programs yet, so there is nothing to schedule.</source>
        <translation>Ši biblioteka dar neturi programų, todėl nėra ko planuoti.</translation>
    </message>
    <message>
        <source>The session must end after it starts.</source>
        <translation>Užsiėmimas turi baigtis vėliau, nei prasideda.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Change where the records live?</source>
        <translation>Pakeisti, kur saugomi įrašai?</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The disk is full. Nothing more can be saved until space is freed.</source>
        <translation>Diskas pilnas. Nieko daugiau negalima išsaugoti, kol nebus atlaisvinta vietos.</translation>
    </message>
    <message>
        <source>The database cannot be written: the file or the disk is read-only.</source>
        <translation>Į duomenų bazę negalima rašyti: failas arba diskas skirtas tik skaityti.</translation>
    </message>
    <message>
        <source>The database is busy on another computer. Please try again.</source>
        <translation>Duomenų bazė užimta kitame kompiuteryje. Bandykite dar kartą.</translation>
    </message>
    <message>
        <source>The database server cannot be reached. Check the network.</source>
        <translation>Nepavyksta pasiekti duomenų bazės serverio. Patikrinkite tinklą.</translation>
    </message>
    <message>
        <source>OpenUp Desk</source>
        <translation>OpenUp Desk</translation>
    </message>
    <message>
        <source>Something went wrong, and what you were doing may not have been saved. The program keeps running. The details were written to the log file.</source>
        <translation>Kažkas nepavyko, ir tai, ką darėte, galėjo likti neišsaugota. Programa veikia toliau. Išsami informacija įrašyta į žurnalo failą.</translation>
    </message>
</context>
<context>
    <name>privacy</name>
    <message>
        <source>%1 years after the project ends (or the last attendance, if later)</source>
        <translation>%1 m. po projekto pabaigos (arba po paskutinio apsilankymo, jei jis vėlesnis)</translation>
    </message>
    <message>
        <source>%1 years after the last attendance</source>
        <translation>%1 m. po paskutinio apsilankymo</translation>
    </message>
    <message>
        <source>Everything stored about %1</source>
        <translation>Visi saugomi duomenys — %1</translation>
    </message>
    <message>
        <source>PDF document (*.pdf);;JSON data (*.json)</source>
        <translation>PDF dokumentas (*.pdf);;JSON duomenys (*.json)</translation>
    </message>
    <message>
        <source>Access request</source>
        <translation>Prašymas susipažinti su duomenimis</translation>
    </message>
    <message>
        <source>Everything stored about %1 was saved to %2. The file is readable by you only; hand it over in person or encrypted.</source>
        <translation>Visi saugomi duomenys (%1) išsaugoti faile %2. Failą galite skaityti tik jūs; perduokite jį asmeniškai arba užšifruotą.</translation>
    </message>
    <message>
        <source>Erase a child&apos;s records</source>
        <translation>Ištrinti vaiko duomenis</translation>
    </message>
    <message>
        <source>Erase %1&apos;s records for good?</source>
        <translation>Negrįžtamai ištrinti šio vaiko duomenis (%1)?</translation>
    </message>
    <message>
        <source>The name, guardian, phone, notes, consents and card code are removed, also from the audit log. Attendance and loans stay as anonymous rows, so the project&apos;s totals do not change. This cannot be undone.</source>
        <translation>Bus pašalinti vardas, globėjas, telefonas, pastabos, sutikimai ir kortelės kodas, taip pat iš audito žurnalo. Lankomumas ir išdavimai lieka kaip anoniminės eilutės, todėl projekto sumos nepasikeičia. To atšaukti negalima.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Ištrinti</translation>
    </message>
</context>
</TS>
