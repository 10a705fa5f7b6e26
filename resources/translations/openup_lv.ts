<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="lv_LV" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About OpenUp Desk</source>
        <translation>Par OpenUp Desk</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versija %1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Datubāze: %1</translation>
    </message>
    <message>
        <source>OpenUp Desk is free software under the %1 licence.</source>
        <translation>OpenUp Desk ir brīva programmatūra, ko izplata ar licenci %1.</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>Programmatūras bibliotēkas</translation>
    </message>
    <message>
        <source>Font %1</source>
        <translation>Fonts %1</translation>
    </message>
</context>
<context>
    <name>AttendanceView</name>
    <message>
        <source>◀ Back to the month</source>
        <translation>◀ Atpakaļ uz mēnesi</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Bērns</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Apmeklējums</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Reģistrācija</translation>
    </message>
    <message>
        <source>Nobody is recorded for this session yet. Add the children who came.</source>
        <translation>Šajā nodarbībā vēl neviens nav reģistrēts. Pievienojiet bērnus, kuri atnāca.</translation>
    </message>
    <message>
        <source>Type a few letters of a name</source>
        <translation>Ierakstiet dažus vārda burtus</translation>
    </message>
    <message>
        <source>Add as present</source>
        <translation>Pievienot kā klātesošu</translation>
    </message>
    <message>
        <source>Add a child who came</source>
        <translation>Pievienot bērnu, kurš atnāca</translation>
    </message>
    <message>
        <source>Visitors not registered by name</source>
        <translation>Vārdā nereģistrēti apmeklētāji</translation>
    </message>
    <message>
        <source>Saved as you change it.</source>
        <translation>Saglabājas uzreiz, tiklīdz maināt.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1”</translation>
    </message>
    <message>
        <source>led by %1</source>
        <translation>vada %1</translation>
    </message>
    <message>
        <source>This session did not occur, so its attendance cannot be changed. Use “Back to planned” in the month list if it took place after all.</source>
        <translation>Šī nodarbība nenotika, tāpēc tās apmeklējumu mainīt nevar. Ja tā tomēr notika, mēneša sarakstā nospiediet „Atpakaļ uz plānotu”.</translation>
    </message>
    <message>
        <source>Enrolled in this training cycle</source>
        <translation>Pievienots šim apmācību ciklam</translation>
    </message>
    <message>
        <source>Present %1 · late %2 · excused %3 · absent %4</source>
        <translation>Klāt %1 · nokavēja %2 · attaisnoti nebija %3 · nebija %4</translation>
    </message>
    <message>
        <source>not marked %1</source>
        <translation>nav atzīmēti %1</translation>
    </message>
    <message>
        <source>— not marked —</source>
        <translation>— nav atzīmēts —</translation>
    </message>
    <message>
        <source>%1: %2, saved.</source>
        <translation>%1: %2, saglabāts.</translation>
    </message>
    <message>
        <source>%1 (born %2)</source>
        <translation>%1 (dz. %2)</translation>
    </message>
    <message>
        <source>%1 — already on the list</source>
        <translation>%1 — jau ir sarakstā</translation>
    </message>
    <message>
        <source>%1 is already on the list.</source>
        <translation>%1 jau ir sarakstā.</translation>
    </message>
    <message>
        <source>%1 was added as present.</source>
        <translation>Pievienots kā klātesošs: %1.</translation>
    </message>
</context>
<context>
    <name>AuditCheck</name>
    <message>
        <source>{events} events, chain intact.</source>
        <translation>Notikumu skaits: {events}; ķēde ir nebojāta.</translation>
    </message>
    <message>
        <source>The audit log is broken at event #{event} ({time}): it was changed after it was written.</source>
        <translation>Audita žurnāls ir bojāts pie notikuma #{event} ({time}): tas ir mainīts pēc ierakstīšanas.</translation>
    </message>
    <message>
        <source>The audit log is broken at event #{event} ({time}): an event before it was removed, or one was added outside the program.</source>
        <translation>Audita žurnāls ir bojāts pie notikuma #{event} ({time}): kāds notikums pirms tā ir dzēsts vai ārpus programmas pievienots.</translation>
    </message>
    <message>
        <source>The audit log is broken at event #{event} ({time}): it was written outside the program.</source>
        <translation>Audita žurnāls ir bojāts pie notikuma #{event} ({time}): tas ir ierakstīts ārpus programmas.</translation>
    </message>
    <message>
        <source>The audit log is broken after event #{event} ({time}): the newest events were removed.</source>
        <translation>Audita žurnāls ir bojāts pēc notikuma #{event} ({time}): jaunākie notikumi ir dzēsti.</translation>
    </message>
    <message>
        <source>The audit log is broken at event #{event} ({time}): it and any after it were added outside the program.</source>
        <translation>Audita žurnāls ir bojāts pie notikuma #{event} ({time}): tas un visi turpmākie ir pievienoti ārpus programmas.</translation>
    </message>
    <message>
        <source>The audit log is broken: all its events were removed.</source>
        <translation>Audita žurnāls ir bojāts: visi tā notikumi ir dzēsti.</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <source>Audit log</source>
        <translation>Audita žurnāls</translation>
    </message>
    <message>
        <source>Search the descriptions, actions and names</source>
        <translation>Meklēt aprakstos, darbībās un vārdos</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Visi</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>Visi ieraksti</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Kas</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Ieraksts</translation>
    </message>
    <message>
        <source>From</source>
        <translation>No</translation>
    </message>
    <message>
        <source>to</source>
        <translation>līdz</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>jebkura diena</translation>
    </message>
    <message>
        <source>Shown: the newest %1; narrow the filters to see older events</source>
        <translation>Parādīti jaunākie %1; sašauriniet filtrus, lai redzētu vecākus notikumus</translation>
    </message>
    <message>
        <source>Shown: %1</source>
        <translation>Parādīti: %1</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Pārbaudīt tagad</translation>
    </message>
    <message>
        <source>Check every event against the chain: was any removed, changed or added?</source>
        <translation>Pārbaudīt katru notikumu pret ķēdi: vai kāds ir dzēsts, mainīts vai pievienots?</translation>
    </message>
    <message>
        <source>The audit log has not been checked yet.</source>
        <translation>Audita žurnāls vēl nav pārbaudīts.</translation>
    </message>
    <message>
        <source>Last checked intact: %1</source>
        <translation>Pēdējā pārbaude bez bojājumiem: %1</translation>
    </message>
    <message>
        <source>It was never found intact.</source>
        <translation>Neviena pārbaude to nav atradusi nebojātu.</translation>
    </message>
    <message>
        <source>Checked: %1.</source>
        <translation>Pārbaudīts: %1.</translation>
    </message>
    <message>
        <source>Checking the audit log…</source>
        <translation>Pārbauda audita žurnālu…</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>When</source>
        <translation>Kad</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Kas</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Ko</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Ieraksts</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Apraksts</translation>
    </message>
    <message>
        <source>Old → new</source>
        <translation>Bija → kļuva</translation>
    </message>
    <message>
        <source>(direct database access)</source>
        <translation>(tieša piekļuve datubāzei)</translation>
    </message>
</context>
<context>
    <name>AwayBanner</name>
    <message>
        <source>The server has not answered since %1. The desk goes on: scans are saved on this laptop (%2 waiting) and sent when the server answers.</source>
        <translation>Serveris neatbild kopš %1. Darbs turpinās: skenējumi tiek saglabāti šajā datorā (gaida: %2) un tiks nosūtīti, kad serveris atbildēs.</translation>
    </message>
</context>
<context>
    <name>AwayDesk</name>
    <message>
        <source>Saved on this laptop, not yet sent.</source>
        <translation>Saglabāts šajā datorā, vēl nav nosūtīts.</translation>
    </message>
    <message>
        <source>This can be done again when the server answers.</source>
        <translation>To varēs izdarīt, kad serveris atkal atbildēs.</translation>
    </message>
</context>
<context>
    <name>BackupsGroup</name>
    <message>
        <source>Backups</source>
        <translation>Rezerves kopijas</translation>
    </message>
    <message>
        <source>This database is on a PostgreSQL server: backups are the server&apos;s job, and this program does not make them. The command for this database (it asks for the password):</source>
        <translation>Šī datubāze atrodas PostgreSQL serverī: rezerves kopijas veido serveris, nevis šī programma. Komanda šai datubāzei (tā prasīs paroli):</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Izveidot kopiju tagad</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Atjaunot…</translation>
    </message>
    <message>
        <source>An administrator makes and restores backups.</source>
        <translation>Rezerves kopijas veido un atjauno administrators.</translation>
    </message>
    <message>
        <source>Backups folder</source>
        <translation>Kopiju mape</translation>
    </message>
    <message>
        <source>Newest backup</source>
        <translation>Jaunākā kopija</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>vēl nav</translation>
    </message>
    <message>
        <source>Backed up and checked: %1</source>
        <translation>Kopija izveidota un pārbaudīta: %1</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Atjaunot no kopijas</translation>
    </message>
    <message>
        <source>Database copies (*.sqlite3);;All files (*)</source>
        <translation>Datubāzes kopijas (*.sqlite3);;Visi faili (*)</translation>
    </message>
    <message>
        <source>Replace every record with the copy %1? The records as they are now are kept in the backups folder first. Close the program on every other computer that uses this database file before you go on.</source>
        <translation>Aizstāt visus ierakstus ar kopiju %1? Pašreizējie ieraksti vispirms tiks saglabāti kopiju mapē. Pirms turpināt, aizveriet programmu visos citos datoros, kas izmanto šo datubāzes failu.</translation>
    </message>
    <message>
        <source>The backup was restored. The records as they were before are kept in %1. The program closes now; start it again to work with the restored records.</source>
        <translation>Kopija atjaunota. Iepriekšējie ieraksti saglabāti failā %1. Programma tagad aizvērsies; atveriet to vēlreiz, lai strādātu ar atjaunotajiem ierakstiem.</translation>
    </message>
    <message>
        <source>Copying and checking the database…</source>
        <translation>Kopē un pārbauda datubāzi…</translation>
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
        <translation>Skenēt ar kameru</translation>
    </message>
    <message>
        <source>No camera was found on this computer. Connect one, or scan with the scanner.</source>
        <translation>Šim datoram netika atrasta neviena kamera. Pievienojiet kameru vai skenējiet ar skeneri.</translation>
    </message>
    <message>
        <source>Hold a card or a label flat in front of the camera.</source>
        <translation>Turiet karti vai uzlīmi taisni kameras priekšā.</translation>
    </message>
    <message>
        <source>The camera cannot be used: %1</source>
        <translation>Kameru nevar izmantot: %1</translation>
    </message>
</context>
<context>
    <name>CardsForm</name>
    <message>
        <source>Member cards</source>
        <translation>Dalībnieku kartes</translation>
    </message>
    <message>
        <source>Cards with the child&apos;s QR code, first name and last initial — nothing more about the child. Ten to an A4 page, with cutting marks.</source>
        <translation>Kartes ar bērna QR kodu, vārdu un uzvārda pirmo burtu — nekas vairāk par bērnu. Desmit uz A4 lapas, ar griešanas atzīmēm.</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Bērni</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Valoda</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Priekšskatīt…</translation>
    </message>
    <message>
        <source>Tick at least one child.</source>
        <translation>Atzīmējiet vismaz vienu bērnu.</translation>
    </message>
    <message>
        <source>Each child&apos;s library&apos;s language</source>
        <translation>Katra bērna bibliotēkas valoda</translation>
    </message>
</context>
<context>
    <name>ChildHeader</name>
    <message>
        <source>Archived</source>
        <translation>Arhivēts</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privātums</translation>
    </message>
    <message>
        <source>Everything stored about this child (access request)…</source>
        <translation>Viss, kas glabāts par šo bērnu (piekļuves pieprasījums)…</translation>
    </message>
    <message>
        <source>Erase this child&apos;s records…</source>
        <translation>Dzēst šī bērna datus…</translation>
    </message>
    <message>
        <source>New participant</source>
        <translation>Jauns dalībnieks</translation>
    </message>
    <message>
        <source>A card code is given when the child is registered.</source>
        <translation>Kartes kodu piešķir, kad bērnu reģistrē.</translation>
    </message>
    <message>
        <source>Card %1 · %2</source>
        <translation>Karte %1 · %2</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Atjaunot</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Arhivēt</translation>
    </message>
</context>
<context>
    <name>ConsentSection</name>
    <message>
        <source>Consents</source>
        <translation>Piekrišanas</translation>
    </message>
    <message>
        <source>the guardian who signed</source>
        <translation>aizbildnis, kurš parakstījās</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Piekrišanu deva</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datums</translation>
    </message>
    <message>
        <source>Give</source>
        <translation>Pievienot</translation>
    </message>
    <message>
        <source>Record the consent with the name and date above.</source>
        <translation>Ierakstīt piekrišanu ar augstāk norādīto vārdu un datumu.</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Atsaukt</translation>
    </message>
    <message>
        <source>The consent ends on the date above.</source>
        <translation>Piekrišana beidzas augstāk norādītajā datumā.</translation>
    </message>
    <message>
        <source>Consents can be recorded once the new participant is registered.</source>
        <translation>Piekrišanas var ierakstīt, kad jaunais dalībnieks ir reģistrēts.</translation>
    </message>
    <message>
        <source>Given on %1 by %2</source>
        <translation>Dota %1; deva %2</translation>
    </message>
    <message>
        <source>(name not written)</source>
        <translation>(vārds nav ierakstīts)</translation>
    </message>
    <message>
        <source>Not given: no photos of this child</source>
        <translation>Nav dota: šo bērnu nefotografēt</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Nav dota</translation>
    </message>
    <message>
        <source>Withdrawn on %1</source>
        <translation>Atsaukta %1</translation>
    </message>
    <message>
        <source>Write who gave the consent.</source>
        <translation>Ierakstiet, kas deva piekrišanu.</translation>
    </message>
    <message>
        <source>Consent recorded.</source>
        <translation>Piekrišana ierakstīta.</translation>
    </message>
    <message>
        <source>Consent withdrawn.</source>
        <translation>Piekrišana atsaukta.</translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <source>OpenUp Desk: where the records live</source>
        <translation>OpenUp Desk: kur glabājas ieraksti</translation>
    </message>
    <message>
        <source>This laptop only (a file on this computer)</source>
        <translation>Tikai šis dators (fails šajā datorā)</translation>
    </message>
    <message>
        <source>The library&apos;s shared database (server)</source>
        <translation>Bibliotēkas kopīgā datubāze (serveris)</translation>
    </message>
    <message>
        <source>e.g. db.jekabpils-biblioteka.lv</source>
        <translation>piem., db.jekabpils-biblioteka.lv</translation>
    </message>
    <message>
        <source>kept in this computer&apos;s keyring</source>
        <translation>glabājas šī datora atslēgu glabātuvē</translation>
    </message>
    <message>
        <source>verify-full: check the server&apos;s certificate</source>
        <translation>verify-full: pārbaudīt servera sertifikātu</translation>
    </message>
    <message>
        <source>require: encrypted, certificate not checked</source>
        <translation>require: šifrēts, sertifikāts netiek pārbaudīts</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Izvēlēties…</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Pārbaudīt savienojumu</translation>
    </message>
    <message>
        <source>Move this laptop&apos;s records into the shared database (it must be empty)</source>
        <translation>Pārvietot šī datora ierakstus uz kopīgo datubāzi (tai jābūt tukšai)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveris</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datubāze</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Lietotājs</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Parole</translation>
    </message>
    <message>
        <source>Encryption (TLS)</source>
        <translation>Šifrēšana (TLS)</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA fails</translation>
    </message>
    <message>
        <source>Where should this computer keep the records? A laptop on its own (a camp, a single desk) uses a file; several laptops and the partner libraries share one database on the library&apos;s server.</source>
        <translation>Kur šim datoram glabāt ierakstus? Atsevišķs dators (nometnē, viena darba vieta) izmanto failu; vairāki datori un partneru bibliotēkas izmanto vienu kopīgu datubāzi bibliotēkas serverī.</translation>
    </message>
    <message>
        <source>The CA file</source>
        <translation>CA fails</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Sertifikāti (*.pem *.crt *.cer);;Visi faili (*)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Savienojas ar %1…</translation>
    </message>
    <message>
        <source>an empty database, ready for OpenUp Desk</source>
        <translation>tukša datubāze, gatava OpenUp Desk</translation>
    </message>
    <message>
        <source>a database that holds another program&apos;s tables</source>
        <translation>datubāze ar citas programmas tabulām</translation>
    </message>
    <message>
        <source>OpenUp Desk&apos;s records (schema %1)</source>
        <translation>OpenUp Desk ieraksti (shēma %1)</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL %1, %2.</source>
        <translation>Savienots: PostgreSQL %1, %2.</translation>
    </message>
    <message>
        <source>Moving the records</source>
        <translation>Ierakstu pārvietošana</translation>
    </message>
    <message>
        <source>Copying and counting the records…</source>
        <translation>Ieraksti tiek kopēti un skaitīti…</translation>
    </message>
</context>
<context>
    <name>DatabaseGroup</name>
    <message>
        <source>Database</source>
        <translation>Datubāze</translation>
    </message>
    <message>
        <source>This laptop only (a file on this computer)</source>
        <translation>Tikai šis dators (fails šajā datorā)</translation>
    </message>
    <message>
        <source>The library&apos;s shared database (server)</source>
        <translation>Bibliotēkas kopīgā datubāze (serveris)</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Mainīt…</translation>
    </message>
    <message>
        <source>An administrator chooses the database.</source>
        <translation>Datubāzi izvēlas administrators.</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Izmantota</translation>
    </message>
    <message>
        <source>The program uses the database chosen from its next start.</source>
        <translation>Programma izvēlēto datubāzi izmantos no nākamās palaišanas.</translation>
    </message>
    <message>
        <source>The records were moved and counted: %1 children, %2 check-ins, %3 loans. This laptop&apos;s file is kept as a copy in %4.</source>
        <translation>Ieraksti pārvietoti un saskaitīti: bērni – %1, apmeklējumi – %2, izsniegumi – %3. Šī datora fails saglabāts kā kopija: %4.</translation>
    </message>
    <message>
        <source>The program closes now; start it again.</source>
        <translation>Programma tagad aizvērsies; palaidiet to vēlreiz.</translation>
    </message>
    <message>
        <source>Merge a laptop&apos;s records…</source>
        <translation>Apvienot datora ierakstus…</translation>
    </message>
    <message>
        <source>Bring the records of a laptop that worked on its own file into this database</source>
        <translation>Pievienot šai datubāzei ierakstus no datora, kas strādāja ar savu failu</translation>
    </message>
</context>
<context>
    <name>DeskActions</name>
    <message>
        <source>New child…</source>
        <translation>Jauns bērns…</translation>
    </message>
    <message>
        <source>Register a child who came without a card</source>
        <translation>Reģistrēt bērnu, kurš atnācis bez kartes</translation>
    </message>
    <message>
        <source>Undo last scan</source>
        <translation>Atsaukt pēdējo nolasījumu</translation>
    </message>
    <message>
        <source>Sign-in sheet…</source>
        <translation>Parakstu lapa…</translation>
    </message>
    <message>
        <source>Print the sign-in sheet of this session</source>
        <translation>Drukāt šīs nodarbības parakstu lapu</translation>
    </message>
    <message>
        <source>Scan with camera…</source>
        <translation>Skenēt ar kameru…</translation>
    </message>
    <message>
        <source>Kiosk…</source>
        <translation>Kiosks…</translation>
    </message>
    <message>
        <source>The children&apos;s self check-in on the interactive table, full screen</source>
        <translation>Bērnu pašreģistrācija pie interaktīvā galda, pa visu ekrānu</translation>
    </message>
    <message>
        <source>Nothing to undo yet</source>
        <translation>Pagaidām nav ko atsaukt</translation>
    </message>
    <message>
        <source>Undo the %1</source>
        <translation>Atsaukt: %1</translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <source>Ready. Scan a card or a label.</source>
        <translation>Gatavs. Nolasiet karti vai uzlīmi.</translation>
    </message>
    <message>
        <source>Choose a session first: no session is running now.</source>
        <translation>Vispirms izvēlieties nodarbību: pašlaik neviena nenotiek.</translation>
    </message>
    <message>
        <source>Note saved for %1.</source>
        <translation>Piezīme par %1 saglabāta.</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Nav ko atsaukt.</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Atsaukts: %1</translation>
    </message>
    <message>
        <source>This laptop&apos;s keyboard seems to be set to %1; scans are still read right.</source>
        <translation>Šī datora tastatūrai, šķiet, ir iestatīts %1 izkārtojums; skenētie kodi tik un tā tiek nolasīti pareizi.</translation>
    </message>
    <message>
        <source>That scan was not used: finish the open window first, then scan.</source>
        <translation>Šis skenējums netika izmantots: vispirms pabeidziet darbu atvērtajā logā, tad skenējiet.</translation>
    </message>
</context>
<context>
    <name>DeskWords</name>
    <message>
        <source>(no photos)</source>
        <translation>(bez foto)</translation>
    </message>
    <message>
        <source>(from %1)</source>
        <translation>(bibliotēka: %1)</translation>
    </message>
    <message>
        <source>Still has, overdue: %1</source>
        <translation>Nav atdots laikā: %1</translation>
    </message>
    <message>
        <source>Already here: %1</source>
        <translation>Jau ir šeit: %1</translation>
    </message>
    <message>
        <source>Checked in: %1</source>
        <translation>Reģistrēts: %1</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 kopš %2</translation>
    </message>
    <message>
        <source>the session “%1” %2</source>
        <translation>nodarbībai „%1” %2</translation>
    </message>
    <message>
        <source>Lent: %1 to %2, due %3</source>
        <translation>Izsniegts: %1 — %2, jāatgriež līdz %3</translation>
    </message>
    <message>
        <source>Left behind: %1</source>
        <translation>Palika šeit: %1</translation>
    </message>
    <message>
        <source>Returned: %1 (was out to %2)</source>
        <translation>Saņemts atpakaļ: %1 (bija izsniegts %2)</translation>
    </message>
    <message>
        <source>Returned: %1 from %2</source>
        <translation>Saņemts atpakaļ: %1, atdeva %2</translation>
    </message>
    <message>
        <source>(it was overdue)</source>
        <translation>(ar nokavējumu)</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 ar %2</translation>
    </message>
    <message>
        <source>Not returned: %1, still out to %2</source>
        <translation>Nav atdots: %1, joprojām izsniegts — %2</translation>
    </message>
    <message>
        <source>%1 not returned</source>
        <translation>%1 nav atdots</translation>
    </message>
    <message>
        <source>Card %1 is not known on this laptop</source>
        <translation>Karte %1 šajā datorā nav zināma</translation>
    </message>
    <message>
        <source>%1 was out when this laptop last heard</source>
        <translation>%1 bija izsniegts, kad šis dators pēdējo reizi sazinājās ar serveri</translation>
    </message>
    <message>
        <source>%1 was in when this laptop last heard</source>
        <translation>%1 bija uz vietas, kad šis dators pēdējo reizi sazinājās ar serveri</translation>
    </message>
    <message>
        <source>saved on this laptop; the server decides when it answers again.</source>
        <translation>saglabāts šajā datorā; serveris izlems, kad atkal atbildēs.</translation>
    </message>
    <message>
        <source>The server answers again: %1 scans saved on this laptop were sent.</source>
        <translation>Serveris atkal atbild: nosūtīti šajā datorā saglabātie skenējumi (%1).</translation>
    </message>
    <message>
        <source>Not taken by the server: %1 (listed).</source>
        <translation>Serveris nepieņēma: %1 (skatīt sarakstu).</translation>
    </message>
    <message>
        <source>Overdue items</source>
        <translation>Nav atdots laikā</translation>
    </message>
    <message>
        <source>Lend %1 anyway?</source>
        <translation>Tomēr izsniegt %1?</translation>
    </message>
    <message>
        <source>Lend anyway (Enter)</source>
        <translation>Tomēr izsniegt (Enter)</translation>
    </message>
    <message>
        <source>Do not lend (Esc)</source>
        <translation>Neizsniegt (Esc)</translation>
    </message>
</context>
<context>
    <name>DomainError</name>
    <message>
        <source>The username or the password is wrong.</source>
        <translation>Lietotājvārds vai parole nav pareiza.</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked until {until}. Try again then, or ask an administrator.</source>
        <translation>Pārāk daudz nepareizu paroļu: šis konts ir bloķēts līdz {until}. Mēģiniet vēlreiz tad vai palūdziet administratoru.</translation>
    </message>
    <message>
        <source>Only an administrator may {action}.</source>
        <translation>Tikai administrators drīkst {action}.</translation>
    </message>
    <message>
        <source>This database already has accounts: the first administrator is created only once.</source>
        <translation>Šajā datubāzē jau ir konti: pirmo administratoru izveido tikai vienreiz.</translation>
    </message>
    <message>
        <source>The last active administrator cannot be disabled: make another one first.</source>
        <translation>Pēdējo aktīvo administratoru nevar atslēgt: vispirms izveidojiet vēl vienu.</translation>
    </message>
    <message>
        <source>add, change or disable accounts</source>
        <translation>pievienot, mainīt vai atslēgt kontus</translation>
    </message>
    <message>
        <source>back up or restore the database</source>
        <translation>veidot vai atjaunot datubāzes rezerves kopijas</translation>
    </message>
    <message>
        <source>export the participants&apos; records</source>
        <translation>eksportēt dalībnieku datus</translation>
    </message>
    <message>
        <source>change another person&apos;s password</source>
        <translation>mainīt cita cilvēka paroli</translation>
    </message>
    <message>
        <source>A password needs at least 8 characters.</source>
        <translation>Parolē jābūt vismaz 8 rakstzīmēm.</translation>
    </message>
    <message>
        <source>A username is 2–60 characters: small letters, digits, dots, hyphens.</source>
        <translation>Lietotājvārdā ir 2–60 rakstzīmes: mazie burti, cipari, punkti, defises.</translation>
    </message>
    <message>
        <source>Name the site, e.g. Jēkabpils.</source>
        <translation>Norādiet filiāli, piemēram, Jēkabpils.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konts</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Nodarbība</translation>
    </message>
    <message>
        <source>child&apos;s card</source>
        <translation>bērna kartes</translation>
    </message>
    <message>
        <source>item</source>
        <translation>priekšmeta</translation>
    </message>
    <message>
        <source>in repair</source>
        <translation>atrodas remontā</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>ir norakstīts</translation>
    </message>
    <message>
        <source>A kit&apos;s part must belong to a kit that is not itself a part.</source>
        <translation>Daļa var piederēt tikai komplektam, kas pats nav cita komplekta daļa.</translation>
    </message>
    <message>
        <source>An item needs a name.</source>
        <translation>Priekšmetam jānorāda nosaukums.</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Bibliotēka</translation>
    </message>
    <message>
        <source>Another item already has this tag.</source>
        <translation>Šis kods jau ir citam priekšmetam.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Priekšmets</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Dalībnieks</translation>
    </message>
    <message>
        <source>Librarian</source>
        <translation>Bibliotekārs</translation>
    </message>
    <message>
        <source>The due time must be after the time of lending.</source>
        <translation>Atgriešanas laikam jābūt vēlākam par izsniegšanas laiku.</translation>
    </message>
    <message>
        <source>The action was refused.</source>
        <translation>Darbība nav atļauta.</translation>
    </message>
    <message>
        <source>{what} {key} was not found.</source>
        <translation>Ieraksts nav atrasts: {what} {key}.</translation>
    </message>
    <message>
        <source>{problem}</source>
        <translation>{problem}</translation>
    </message>
    <message>
        <source>Scanned “{scanned}”: {reason}</source>
        <translation>Nolasīts „{scanned}”: {reason}</translation>
    </message>
    <message>
        <source>Scanned “{scanned}”: no {what} has this code in this database.</source>
        <translation>Nolasīts „{scanned}”: šajā datubāzē nav {what} ar šādu kodu.</translation>
    </message>
    <message>
        <source>{tag} {name} cannot be lent: it is {status}.</source>
        <translation>{tag} {name} nevar izsniegt: {status}.</translation>
    </message>
    <message>
        <source>{tag} {name} is already out: lent to {borrower} since {since}.</source>
        <translation>{tag} {name} jau ir izsniegts (kam: {borrower}; kopš {since}).</translation>
    </message>
    <message>
        <source>{tag} {name} is not on loan.</source>
        <translation>{tag} {name} nav izsniegts.</translation>
    </message>
    <message>
        <source>The session of {date} was cancelled: nobody can be checked in to it.</source>
        <translation>{date} nodarbība ir atcelta: tajā nevienu nevar reģistrēt.</translation>
    </message>
    <message>
        <source>{name} is archived: restore the record before checking them in.</source>
        <translation>Ieraksts „{name}” ir arhivēts: pirms reģistrēšanas atjaunojiet to.</translation>
    </message>
    <message>
        <source>First name and last name are both needed.</source>
        <translation>Jānorāda gan vārds, gan uzvārds.</translation>
    </message>
    <message>
        <source>A name may be at most 80 characters long.</source>
        <translation>Vārdā un uzvārdā var būt ne vairāk kā 80 rakstzīmes.</translation>
    </message>
    <message>
        <source>The birth year must be between 1900 and this year.</source>
        <translation>Dzimšanas gadam jābūt no 1900. gada līdz šim gadam.</translation>
    </message>
    <message>
        <source>The guardian&apos;s name or phone is too long.</source>
        <translation>Aizbildņa vārds vai tālrunis ir pārāk garš.</translation>
    </message>
    <message>
        <source>mark a child as from a social-risk family (the target group)</source>
        <translation>atzīmēt, ka bērns ir no sociālā riska ģimenes (mērķgrupa)</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programma</translation>
    </message>
    <message>
        <source>Only a closed training cycle takes enrolments.</source>
        <translation>Bērnus var uzņemt tikai slēgtā apmācību ciklā.</translation>
    </message>
    <message>
        <source>A site&apos;s country is LV or LT.</source>
        <translation>Bibliotēkas valsts ir LV vai LT.</translation>
    </message>
    <message>
        <source>A program needs a name.</source>
        <translation>Programmai jānorāda nosaukums.</translation>
    </message>
    <message>
        <source>The planned number of sessions must be 1 or more.</source>
        <translation>Plānotajam nodarbību skaitam jābūt vismaz 1.</translation>
    </message>
    <message>
        <source>A session must end after it starts.</source>
        <translation>Nodarbībai jābeidzas pēc tās sākuma.</translation>
    </message>
    <message>
        <source>The theme or place is too long.</source>
        <translation>Tēma vai vieta ir pārāk gara.</translation>
    </message>
    <message>
        <source>This program already has a session at that date and time.</source>
        <translation>Šai programmai tajā datumā un laikā jau ir nodarbība.</translation>
    </message>
    <message>
        <source>The series must end after it starts.</source>
        <translation>Sērijai jābeidzas pēc tās sākuma.</translation>
    </message>
    <message>
        <source>A series may span at most five years.</source>
        <translation>Sērija var aptvert ne vairāk kā piecus gadus.</translation>
    </message>
    <message>
        <source>a tag may hold only letters A–Z, digits and single hyphens.</source>
        <translation>kodā drīkst būt tikai burti A–Z, cipari un atsevišķas defises.</translation>
    </message>
    <message>
        <source>nothing was read.</source>
        <translation>nekas netika nolasīts.</translation>
    </message>
    <message>
        <source>it holds characters no OpenUp code has.</source>
        <translation>tajā ir rakstzīmes, kādu nav nevienā OpenUp kodā.</translation>
    </message>
    <message>
        <source>this is not a member card or an equipment label.</source>
        <translation>tā nav ne dalībnieka karte, ne aprīkojuma uzlīme.</translation>
    </message>
    <message>
        <source>the check character does not match: the code was misread.</source>
        <translation>kontrolrakstzīme nesakrīt: kods nolasīts kļūdaini.</translation>
    </message>
    <message>
        <source>Nobody to lend to: scan a child&apos;s card first, or choose a session.</source>
        <translation>Nav, kam izsniegt: vispirms nolasiet bērna karti vai izvēlieties nodarbību.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Periods beidzas, pirms tas sākas.</translation>
    </message>
    <message>
        <source>A child without a card code cannot get a card.</source>
        <translation>Bērnam bez kartes koda karti izdrukāt nevar.</translation>
    </message>
    <message>
        <source>The backup {path} failed its check and was deleted: {problem}</source>
        <translation>Kopija {path} neizturēja pārbaudi un tika izdzēsta: {problem}</translation>
    </message>
    <message>
        <source>{path} is not a sound copy of the database ({problem}), so nothing was restored.</source>
        <translation>{path} nav vesela datubāzes kopija ({problem}), tāpēc nekas netika atjaunots.</translation>
    </message>
    <message>
        <source>There is no database file at {path}.</source>
        <translation>Vietā {path} nav datubāzes faila.</translation>
    </message>
    <message>
        <source>{path} already exists or is the database itself; choose a new file name.</source>
        <translation>{path} jau pastāv vai ir pati datubāze; izvēlieties jaunu faila nosaukumu.</translation>
    </message>
    <message>
        <source>This database is on a PostgreSQL server: backups are the server&apos;s job, and this program does not make them. Ask the server&apos;s administrator, or back it up with (it asks for the password): {command}</source>
        <translation>Šī datubāze atrodas PostgreSQL serverī: rezerves kopijas veido serveris, nevis šī programma. Vērsieties pie servera administratora vai izveidojiet kopiju ar šo komandu (tā prasīs paroli): {command}</translation>
    </message>
    <message>
        <source>The database file {path} is damaged or cannot be opened ({problem}). The program did not open it and left the file as it is. The newest good backup is {backup}, made {made}. To restore it, close the program and run: {command}</source>
        <translation>Datubāzes fails {path} ir bojāts vai to nevar atvērt ({problem}). Programma to neatvēra un atstāja failu neskartu. Jaunākā derīgā kopija ir {backup}, izveidota {made}. Lai to atjaunotu, aizveriet programmu un izpildiet: {command}</translation>
    </message>
    <message>
        <source>The database file {path} is damaged or cannot be opened ({problem}). The program did not open it and left the file as it is. No good backup was found in {folder}. Keep the file and ask for help.</source>
        <translation>Datubāzes fails {path} ir bojāts vai to nevar atvērt ({problem}). Programma to neatvēra un atstāja failu neskartu. Mapē {folder} netika atrasta neviena derīga kopija. Saglabājiet failu un lūdziet palīdzību.</translation>
    </message>
    <message>
        <source>The file {name} cannot be read: {reason}</source>
        <translation>Failu {name} nevar nolasīt: {reason}</translation>
    </message>
    <message>
        <source>Nothing was imported: row {row} was refused: {reason}</source>
        <translation>Nekas netika importēts: {row}. rinda tika noraidīta: {reason}</translation>
    </message>
    <message>
        <source>it is not an Excel workbook (XLSX).</source>
        <translation>tā nav Excel darbgrāmata (XLSX).</translation>
    </message>
    <message>
        <source>old Excel files (XLS) cannot be read; save it as XLSX or CSV.</source>
        <translation>vecos Excel failus (XLS) nevar nolasīt; saglabājiet to kā XLSX vai CSV.</translation>
    </message>
    <message>
        <source>it is too big for a roster.</source>
        <translation>tas ir pārāk liels dalībnieku sarakstam.</translation>
    </message>
    <message>
        <source>there is no such file.</source>
        <translation>šāda faila nav.</translation>
    </message>
    <message>
        <source>it has problems; only rows without problems can be imported.</source>
        <translation>tajā ir problēmas; importēt var tikai rindas bez problēmām.</translation>
    </message>
    <message>
        <source>the child is already registered; check the file again.</source>
        <translation>bērns jau ir reģistrēts; pārbaudiet failu vēlreiz.</translation>
    </message>
    <message>
        <source>the database did not accept it.</source>
        <translation>datubāze to nepieņēma.</translation>
    </message>
    <message>
        <source>read the audit log</source>
        <translation>skatīt audita žurnālu</translation>
    </message>
    <message>
        <source>erase a child&apos;s records</source>
        <translation>dzēst bērna datus</translation>
    </message>
    <message>
        <source>export everything stored about a child</source>
        <translation>eksportēt visu, kas glabāts par bērnu</translation>
    </message>
    <message>
        <source>change the retention period</source>
        <translation>mainīt datu glabāšanas termiņu</translation>
    </message>
    <message>
        <source>A retention period is between 1 and 30 years.</source>
        <translation>Glabāšanas termiņš var būt no 1 līdz 30 gadiem.</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>mape nepastāv</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>disks ir pilns</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>disks ir tikai lasāms</translation>
    </message>
    <message>
        <source>writing there is not allowed, or the file is open in another program</source>
        <translation>tur nav atļauts rakstīt, vai arī fails ir atvērts citā programmā</translation>
    </message>
    <message>
        <source>a folder has that name</source>
        <translation>ar šādu nosaukumu jau ir mape</translation>
    </message>
    <message>
        <source>The file {path} was not saved: {reason}.</source>
        <translation>Fails {path} netika saglabāts: {reason}.</translation>
    </message>
    <message>
        <source>it is neither UTF-8, UTF-16 nor Windows-1257 text.</source>
        <translation>tas nav ne UTF-8, ne UTF-16, ne Windows-1257 teksts.</translation>
    </message>
    <message>
        <source>it is not an ordinary file but a folder, a device or a pipe.</source>
        <translation>tas nav parasts fails, bet mape, ierīce vai kanāls.</translation>
    </message>
    <message>
        <source>no header row with the columns Vārds and Uzvārds (First name, Last name; Vardas, Pavardė) was found.</source>
        <translation>nav atrasta virsrakstu rinda ar kolonnām Vārds un Uzvārds (First name, Last name; Vardas, Pavardė).</translation>
    </message>
    <message>
        <source>its sheet goes on past row 10,010, too far for a roster.</source>
        <translation>tā darblapa sniedzas pāri 10 010. rindai, dalībnieku sarakstam tas ir par daudz.</translation>
    </message>
    <message>
        <source>Children&apos;s records are shown only to an active account: sign in again.</source>
        <translation>Bērnu dati tiek rādīti tikai aktīvam kontam: pieslēdzieties vēlreiz.</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>fails ir tukšs</translation>
    </message>
    <message>
        <source>it is not an OpenUp Desk database</source>
        <translation>tā nav OpenUp Desk datubāze</translation>
    </message>
    <message>
        <source>it was made by a newer version of OpenUp Desk than this one</source>
        <translation>tā izveidota ar jaunāku OpenUp Desk versiju nekā šī</translation>
    </message>
    <message>
        <source>No backup could be written in {folder}: {reason}. Nothing was left there.</source>
        <translation>Mapē {folder} nevarēja ierakstīt rezerves kopiju: {reason}. Tur nekas netika atstāts.</translation>
    </message>
    <message>
        <source>the disk or the folder is read-only</source>
        <translation>disks vai mape ir tikai lasāma</translation>
    </message>
    <message>
        <source>this user may not write there</source>
        <translation>šim lietotājam tur nav atļauts rakstīt</translation>
    </message>
    <message>
        <source>the folder cannot be made there</source>
        <translation>mapi tur nevar izveidot</translation>
    </message>
    <message>
        <source>The database {path} could not be replaced ({reason}). Close the program on every computer that uses it, then restore again.</source>
        <translation>Datubāzi {path} nevarēja aizstāt ({reason}). Aizveriet programmu visos datoros, kas to izmanto, un atjaunojiet vēlreiz.</translation>
    </message>
    <message>
        <source>{tag} {name} is already out: with the session “{program}” since {since}.</source>
        <translation>{tag} {name} jau ir izsniegts nodarbībai „{program}” (kopš {since}).</translation>
    </message>
    <message>
        <source>{name} still has overdue items ({items}): lend only once they are back.</source>
        <translation>{name}: nav atdots laikā ({items}). Izsniedziet ko citu tikai tad, kad tas ir atdots.</translation>
    </message>
    <message>
        <source>check the audit log</source>
        <translation>pārbaudīt audita žurnālu</translation>
    </message>
    <message>
        <source>The export was stopped: no file was saved.</source>
        <translation>Eksportēšana apturēta: fails netika saglabāts.</translation>
    </message>
    <message>
        <source>The import was stopped at row {row} of {total}: nobody was registered.</source>
        <translation>Importēšana apturēta pie {row}. rindas no {total}: neviens netika reģistrēts.</translation>
    </message>
    <message>
        <source>it could be two codes: switch the keyboard to English or Latvian and scan again.</source>
        <translation>tas var būt divi dažādi kodi: pārslēdziet tastatūru uz angļu vai latviešu izkārtojumu un skenējiet vēlreiz.</translation>
    </message>
    <message>
        <source>No QR code was found in {picture}: hold the code closer and flat.</source>
        <translation>Attēlā {picture} netika atrasts neviens QR kods: turiet kodu tuvāk un taisni.</translation>
    </message>
    <message>
        <source>{picture} cannot be opened as a picture.</source>
        <translation>{picture} nevar atvērt kā attēlu.</translation>
    </message>
    <message>
        <source>This computer&apos;s program is older than the shared database: install version {version} or newer.</source>
        <translation>Šī datora programma ir vecāka par kopīgo datubāzi: uzstādiet versiju {version} vai jaunāku.</translation>
    </message>
    <message>
        <source>This computer&apos;s program is older than the shared database: install the newest version of OpenUp Desk.</source>
        <translation>Šī datora programma ir vecāka par kopīgo datubāzi: uzstādiet jaunāko OpenUp Desk versiju.</translation>
    </message>
    <message>
        <source>The shared database was made by an older version of OpenUp Desk. An administrator must confirm its upgrade to version {version}; laptops with an older program cannot use it afterwards.</source>
        <translation>Kopīgo datubāzi izveidoja vecāka OpenUp Desk versija. Administratoram jāapstiprina tās atjaunināšana uz versiju {version}; pēc tam datori ar vecāku programmu to vairs nevarēs izmantot.</translation>
    </message>
    <message>
        <source>Only an administrator of OpenUp Desk may confirm the upgrade of the shared database.</source>
        <translation>Apstiprināt kopīgās datubāzes atjaunināšanu drīkst tikai OpenUp Desk administrators.</translation>
    </message>
    <message>
        <source>This account may not upgrade the shared database: the person who runs the server upgrades it with the schema owner&apos;s account (main.py migrate). Nothing was changed.</source>
        <translation>Šim kontam nav tiesību atjaunināt kopīgo datubāzi: to atjaunina servera uzturētājs ar shēmas īpašnieka kontu (main.py migrate). Nekas netika mainīts.</translation>
    </message>
    <message>
        <source>Server set-up needs a PostgreSQL database (postgresql+psycopg://…), not {database}.</source>
        <translation>Servera sagatavošanai vajag PostgreSQL datubāzi (postgresql+psycopg://…), nevis {database}.</translation>
    </message>
    <message>
        <source>The database {database} already holds tables: server set-up prepares an empty one only.</source>
        <translation>Datubāzē {database} jau ir tabulas: servera sagatavošana sagatavo tikai tukšu datubāzi.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s name or address.</source>
        <translation>Ievadiet servera nosaukumu vai adresi.</translation>
    </message>
    <message>
        <source>Enter the database&apos;s name.</source>
        <translation>Ievadiet datubāzes nosaukumu.</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation>Ievadiet lietotājvārdu.</translation>
    </message>
    <message>
        <source>The port is a number from 1 to 65535.</source>
        <translation>Ports ir skaitlis no 1 līdz 65535.</translation>
    </message>
    <message>
        <source>Choose how the connection is encrypted.</source>
        <translation>Izvēlieties, kā savienojums tiek šifrēts.</translation>
    </message>
    <message>
        <source>Choose the CA file that checks the server&apos;s certificate.</source>
        <translation>Izvēlieties CA failu, ar ko pārbaudīt servera sertifikātu.</translation>
    </message>
    <message>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <source>No server has this name: check the server&apos;s name, or the network.</source>
        <translation>Nav servera ar šādu nosaukumu: pārbaudiet servera nosaukumu vai tīklu.</translation>
    </message>
    <message>
        <source>The server refused the connection: check the port, and that PostgreSQL runs there.</source>
        <translation>Serveris atteica savienojumu: pārbaudiet portu un to, vai tajā darbojas PostgreSQL.</translation>
    </message>
    <message>
        <source>The server does not answer: check the network, a VPN or a firewall.</source>
        <translation>Serveris neatbild: pārbaudiet tīklu, VPN vai ugunsmūri.</translation>
    </message>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation>Lietotājvārds vai parole ir nepareiza.</translation>
    </message>
    <message>
        <source>The server has no database of this name.</source>
        <translation>Serverī nav datubāzes ar šādu nosaukumu.</translation>
    </message>
    <message>
        <source>The encrypted connection (TLS) failed: the server does not offer it, or its certificate does not match the CA file and the server&apos;s name.</source>
        <translation>Šifrētais savienojums (TLS) neizdevās: serveris to nepiedāvā, vai tā sertifikāts neatbilst CA failam un servera nosaukumam.</translation>
    </message>
    <message>
        <source>The server does not let this computer in (pg_hba.conf): ask the person who runs it.</source>
        <translation>Serveris nelaiž iekšā šo datoru (pg_hba.conf): jautājiet tam, kas uztur serveri.</translation>
    </message>
    <message>
        <source>The server could not be used: {detail}</source>
        <translation>Serveri nevarēja izmantot: {detail}</translation>
    </message>
    <message>
        <source>move the records to the shared database</source>
        <translation>pārvietot ierakstus uz kopīgo datubāzi</translation>
    </message>
    <message>
        <source>The shared database already holds records ({tables}): only an empty one takes this laptop&apos;s records. Nothing was copied.</source>
        <translation>Kopīgajā datubāzē jau ir ieraksti ({tables}): šī datora ierakstus var pārvietot tikai uz tukšu datubāzi. Nekas netika nokopēts.</translation>
    </message>
    <message>
        <source>The copy of {table} holds {copied} rows, not {kept}: nothing was moved, and this laptop keeps its records.</source>
        <translation>Tabulas {table} kopijā ir {copied} rindas, nevis {kept}: nekas netika pārvietots, un ieraksti paliek šajā datorā.</translation>
    </message>
    <message>
        <source>Only a laptop&apos;s own database file can be moved to the shared database.</source>
        <translation>Uz kopīgo datubāzi var pārvietot tikai šī datora datubāzes failu.</translation>
    </message>
    <message>
        <source>The password cannot be kept: this computer&apos;s keyring refused it ({problem}). Nothing was changed.</source>
        <translation>Paroli nevar saglabāt: šī datora atslēgu glabātuve to atteica ({problem}). Nekas netika mainīts.</translation>
    </message>
    <message>
        <source>{name} was already checked in to this session at {since}.</source>
        <translation>{name}: šajā nodarbībā jau ir reģistrācija ({since}).</translation>
    </message>
    <message>
        <source>The child&apos;s records were erased on the server meanwhile.</source>
        <translation>Bērna dati serverī pa to laiku ir dzēsti.</translation>
    </message>
    <message>
        <source>The child&apos;s registration at this desk did not reach the server.</source>
        <translation>Bērna reģistrācija, kas veikta šajā datorā, serverī nenonāca.</translation>
    </message>
    <message>
        <source>The server already has a record with this entry&apos;s identity or card code.</source>
        <translation>Serverī jau ir dati ar tādu pašu identifikatoru vai kartes kodu kā šim ierakstam.</translation>
    </message>
    <message>
        <source>{tag} was lent without {parts}: out or in repair on the server.</source>
        <translation>{tag} izsniegts bez {parts}: pēc servera datiem tās ir izsniegtas vai remontā.</translation>
    </message>
    <message>
        <source>Nothing was added: the check-in the server already had counts.</source>
        <translation>Nekas netika pievienots: spēkā ir reģistrācija, kas serverī jau bija.</translation>
    </message>
    <message>
        <source>Nothing was lent: the loan the server already had stays as it is.</source>
        <translation>Nekas netika izsniegts: izsniegums, kas serverī jau bija, paliek nemainīts.</translation>
    </message>
    <message>
        <source>Nothing was changed: the server already had the item back.</source>
        <translation>Nekas netika mainīts: serverī priekšmets jau bija atdots.</translation>
    </message>
    <message>
        <source>Nothing was recorded for this child, and this journal keeps nothing of them.</source>
        <translation>Par šo bērnu nekas netika ierakstīts, un šajā žurnālā par viņu nekas netiek glabāts.</translation>
    </message>
    <message>
        <source>Nobody was checked in: check the child in to another session if they came.</source>
        <translation>Neviens netika reģistrēts: ja bērns atnāca, reģistrējiet viņu citā nodarbībā.</translation>
    </message>
    <message>
        <source>Nothing of this entry was recorded.</source>
        <translation>No šī ieraksta nekas netika saglabāts.</translation>
    </message>
    <message>
        <source>This was not saved on this laptop: {reason}.</source>
        <translation>Tas netika saglabāts šajā datorā: {reason}.</translation>
    </message>
    <message>
        <source>merge a laptop&apos;s records</source>
        <translation>apvienot datora ierakstus</translation>
    </message>
    <message>
        <source>{path} cannot be merged: {problem}. Nothing was changed.</source>
        <translation>{path} nevar apvienot: {problem}. Nekas netika mainīts.</translation>
    </message>
    <message>
        <source>{path} is the database in use itself: choose the laptop&apos;s file. Nothing was changed.</source>
        <translation>{path} ir pati lietotā datubāze: izvēlieties datora failu. Nekas netika mainīts.</translation>
    </message>
    <message>
        <source>The laptop&apos;s file has no child #{laptop}. Nothing was changed.</source>
        <translation>Datora failā nav bērna #{laptop}. Nekas netika mainīts.</translation>
    </message>
    <message>
        <source>The database in use has no child #{shared} to match the laptop&apos;s child #{laptop} with. Nothing was changed.</source>
        <translation>Lietotajā datubāzē nav bērna #{shared}, ar ko sasaistīt datora bērnu #{laptop}. Nekas netika mainīts.</translation>
    </message>
    <message>
        <source>Choose a session first: no session is running now.</source>
        <translation>Vispirms izvēlieties nodarbību: pašlaik neviena nenotiek.</translation>
    </message>
</context>
<context>
    <name>DuplicateNotice</name>
    <message>
        <source>Open their record</source>
        <translation>Atvērt esošo ierakstu</translation>
    </message>
    <message>
        <source>Already registered with this name and birth year: %1. Open their record, or press “Register anyway” if this is another child.</source>
        <translation>Ar šādu vārdu un dzimšanas gadu jau reģistrēts: %1. Atveriet esošo ierakstu vai, ja tas ir cits bērns, nospiediet „Tomēr reģistrēt”.</translation>
    </message>
</context>
<context>
    <name>EnrolmentSection</name>
    <message>
        <source>Closed training cycles</source>
        <translation>Slēgtie apmācību cikli</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>Uzņemt</translation>
    </message>
    <message>
        <source>Enrol in</source>
        <translation>Uzņemt ciklā</translation>
    </message>
    <message>
        <source>From</source>
        <translation>No</translation>
    </message>
    <message>
        <source>%1, since %2</source>
        <translation>%1, kopš %2</translation>
    </message>
    <message>
        <source>%1, %2 – %3</source>
        <translation>%1, %2–%3</translation>
    </message>
    <message>
        <source>This site has no closed training cycle yet.</source>
        <translation>Šai bibliotēkai vēl nav slēgta apmācību cikla.</translation>
    </message>
    <message>
        <source>Not enrolled in any training cycle.</source>
        <translation>Nav pievienots nevienam apmācību ciklam.</translation>
    </message>
    <message>
        <source>Enrolled in every training cycle of this site.</source>
        <translation>Pievienots visiem šīs bibliotēkas apmācību cikliem.</translation>
    </message>
    <message>
        <source>Enrolled.</source>
        <translation>Pievienots ciklam.</translation>
    </message>
</context>
<context>
    <name>EquipmentPage</name>
    <message>
        <source>Equipment</source>
        <translation>Aprīkojums</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>Visas bibliotēkas</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>Pievienot priekšmetu…</translation>
    </message>
    <message>
        <source>Edit item…</source>
        <translation>Labot priekšmetu…</translation>
    </message>
    <message>
        <source>Lend…</source>
        <translation>Izsniegt…</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>Saņemt atpakaļ…</translation>
    </message>
    <message>
        <source>Send to repair</source>
        <translation>Nodot remontā</translation>
    </message>
    <message>
        <source>Back in service</source>
        <translation>Atpakaļ lietošanā</translation>
    </message>
    <message>
        <source>Retire…</source>
        <translation>Norakstīt…</translation>
    </message>
    <message>
        <source>Print labels…</source>
        <translation>Drukāt uzlīmes…</translation>
    </message>
    <message>
        <source>QR labels of the chosen item, or of every item</source>
        <translation>Izvēlētā priekšmeta vai visu priekšmetu QR uzlīmes</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Kods</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nosaukums</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorija</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statuss</translation>
    </message>
    <message>
        <source>Who has it</source>
        <translation>Kam izsniegts</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Kopš</translation>
    </message>
    <message>
        <source>Due back</source>
        <translation>Jāatgriež līdz</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Bibliotēka</translation>
    </message>
    <message>
        <source>Lent</source>
        <translation>Izsniegts</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Kam</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Atgriezts</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Pieņēma</translation>
    </message>
    <message>
        <source>Condition note</source>
        <translation>Piezīme par stāvokli</translation>
    </message>
    <message>
        <source>Items: %1   Out now: %2   Overdue: %3</source>
        <translation>Priekšmeti: %1   Izsniegti: %2   Nokavēti: %3</translation>
    </message>
    <message>
        <source>On loan</source>
        <translation>Izsniegts</translation>
    </message>
    <message>
        <source>Overdue: it should have been back by now.</source>
        <translation>Nokavēts: atgriešanas laiks jau pagājis.</translation>
    </message>
    <message>
        <source>Serial number: %1</source>
        <translation>Sērijas numurs: %1</translation>
    </message>
    <message>
        <source>Loan history</source>
        <translation>Izsniegšanas vēsture</translation>
    </message>
    <message>
        <source>Choose an item above to see who had it and how it came back.</source>
        <translation>Izvēlieties priekšmetu augstāk, lai redzētu, kam tas bija izsniegts un kādā stāvoklī atgriezts.</translation>
    </message>
    <message>
        <source>No equipment yet: add the first item with “Add item…”.</source>
        <translation>Aprīkojuma vēl nav: pievienojiet pirmo priekšmetu ar „Pievienot priekšmetu…”.</translation>
    </message>
    <message>
        <source>Loans of %1 %2</source>
        <translation>Izsniegšanas: %1 %2</translation>
    </message>
    <message>
        <source>Site: %1</source>
        <translation>Bibliotēka: %1</translation>
    </message>
    <message>
        <source>Part of the kit %1</source>
        <translation>Komplekta %1 daļa</translation>
    </message>
    <message>
        <source>Parts: %1</source>
        <translation>Daļas: %1</translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation>Piezīmes: %1</translation>
    </message>
    <message>
        <source>Never lent yet.</source>
        <translation>Vēl ne reizi nav izsniegts.</translation>
    </message>
    <message>
        <source>Still out</source>
        <translation>Vēl izsniegts</translation>
    </message>
    <message>
        <source>Lent by %1</source>
        <translation>Izsniedza %1</translation>
    </message>
    <message>
        <source>Came back after it was due.</source>
        <translation>Atgriezts ar nokavējumu.</translation>
    </message>
    <message>
        <source>It is on loan: return it first.</source>
        <translation>Tas ir izsniegts: vispirms saņemiet to atpakaļ.</translation>
    </message>
</context>
<context>
    <name>ExportForm</name>
    <message>
        <source>Export to Excel</source>
        <translation>Eksports uz Excel</translation>
    </message>
    <message>
        <source>Attendance, participants or loans as an Excel workbook (XLSX) or as CSV that Latvian Excel opens as it is.</source>
        <translation>Apmeklējums, dalībnieki vai izsniegšana kā Excel darbgrāmata (XLSX) vai CSV, ko latviskais Excel atver bez pārveidošanas.</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Apmeklējums</translation>
    </message>
    <message>
        <source>Participants (with contacts: handle with care)</source>
        <translation>Dalībnieki (ar kontaktiem: rīkoties uzmanīgi)</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>Izsniegšana</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel darbgrāmata (.xlsx)</translation>
    </message>
    <message>
        <source>CSV for Excel (.csv)</source>
        <translation>CSV priekš Excel (.csv)</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Ko</translation>
    </message>
    <message>
        <source>From</source>
        <translation>No</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Līdz</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Bibliotēka</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formāts</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Valoda</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Saglabāt…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Eksports</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Raksta %1…</translation>
    </message>
    <message>
        <source>Saved %1 rows to %2.</source>
        <translation>Saglabātas %1 rindas failā %2.</translation>
    </message>
    <message>
        <source>Stopping: no file is saved.</source>
        <translation>Aptur: fails netiks saglabāts.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>OpenUp Desk: first start</source>
        <translation>OpenUp Desk: pirmā palaišana</translation>
    </message>
    <message>
        <source>e.g. ilze.k</source>
        <translation>piem., ilze.k</translation>
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
        <translation>piem., Jēkabpils Galvenā bibliotēka</translation>
    </message>
    <message>
        <source>This database has no accounts yet. Create the first administrator: they add the librarians&apos; accounts later.</source>
        <translation>Šajā datubāzē vēl nav neviena konta. Izveidojiet pirmo administratoru: viņš vēlāk pievienos bibliotekāru kontus.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Jūsu vārds</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Lietotājvārds</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Parole</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Parole vēlreiz</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Filiāle</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Valsts</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliotēka</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>Izveidot un pieslēgties</translation>
    </message>
    <message>
        <source>Type your name and a username.</source>
        <translation>Ierakstiet savu vārdu un lietotājvārdu.</translation>
    </message>
    <message>
        <source>The password needs at least %1 characters.</source>
        <translation>Parolē jābūt vismaz %1 rakstzīmēm.</translation>
    </message>
    <message>
        <source>The two passwords differ: type the same one twice.</source>
        <translation>Abas paroles atšķiras: ierakstiet to pašu paroli divreiz.</translation>
    </message>
    <message>
        <source>Name the site, e.g. Jēkabpils.</source>
        <translation>Norādiet filiāli, piemēram, Jēkabpils.</translation>
    </message>
</context>
<context>
    <name>Headcount</name>
    <message>
        <source>One visitor less (−, while the scan field is empty)</source>
        <translation>Par vienu apmeklētāju mazāk (−, kamēr nolasīšanas lauks ir tukšs)</translation>
    </message>
    <message>
        <source>One more visitor (+, while the scan field is empty)</source>
        <translation>Vēl viens apmeklētājs (+, kamēr nolasīšanas lauks ir tukšs)</translation>
    </message>
    <message>
        <source>Visitors not registered:</source>
        <translation>Nereģistrēti apmeklētāji:</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import a roster</source>
        <translation>Importēt dalībnieku sarakstu</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Izvēlēties failu…</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Fails nav izvēlēts</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Bibliotēka:</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importēt</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Aizvērt</translation>
    </message>
    <message>
        <source>Rosters (*.csv *.xlsx);;All files (*)</source>
        <translation>Saraksti (*.csv *.xlsx);;Visi faili (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Nolasa failu…</translation>
    </message>
    <message>
        <source>Rows: %1, ready to import: %2, with problems: %3.</source>
        <translation>Rindas: %1, gatavas importēšanai: %2, ar problēmām: %3.</translation>
    </message>
    <message>
        <source>Columns not imported: %1.</source>
        <translation>Neimportētās kolonnas: %1.</translation>
    </message>
    <message>
        <source>Import %1 children</source>
        <translation>Importēt bērnus (%1)</translation>
    </message>
    <message>
        <source>Imported %1 children.</source>
        <translation>Importēti bērni: %1.</translation>
    </message>
    <message>
        <source>A CSV or Excel (XLSX) file with a header row: Vārds, Uzvārds, and as you like Dzimšanas gads, Dzimums, Aizbildnis, Tālrunis, Mērķa grupa, Piezīmes, Foto piekrišana (or the same in English or Lithuanian: Vardas, Pavardė, …). Rows with problems are not imported.</source>
        <translation>CSV vai Excel (XLSX) fails ar virsrakstu rindu: Vārds, Uzvārds un pēc vajadzības Dzimšanas gads, Dzimums, Aizbildnis, Tālrunis, Mērķa grupa, Piezīmes, Foto piekrišana (vai tas pats angliski vai lietuviski: Vardas, Pavardė, …). Rindas ar problēmām netiek importētas.</translation>
    </message>
    <message>
        <source>Registering the children of the roster…</source>
        <translation>Reģistrē saraksta bērnus…</translation>
    </message>
    <message>
        <source>Stopping: nobody from this roster is registered.</source>
        <translation>Aptur: neviens no šī saraksta netiek reģistrēts.</translation>
    </message>
</context>
<context>
    <name>IndicatorsForm</name>
    <message>
        <source>Project indicators</source>
        <translation>Projekta rādītāji</translation>
    </message>
    <message>
        <source>Sessions held, attendances, unique participants and the target group, by site, age and gender; equipment use; attendance per month — for the funder.</source>
        <translation>Notikušās nodarbības, apmeklējumi, dažādie dalībnieki un mērķgrupa pa bibliotēkām, vecumiem un dzimumiem; aprīkojuma izmantošana; apmeklējums pa mēnešiem — finansētājam.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>No</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Līdz</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Bibliotēka</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Valoda</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Priekšskatīt…</translation>
    </message>
</context>
<context>
    <name>ItemActions</name>
    <message>
        <source>Added %1 %2.</source>
        <translation>Pievienots: %1 %2.</translation>
    </message>
    <message>
        <source>Saved the changes to %1.</source>
        <translation>Izmaiņas saglabātas: %1.</translation>
    </message>
    <message>
        <source>%1 %2 is in repair: it cannot be lent until it is back in service.</source>
        <translation>%1 %2 nodots remontā: to nevar izsniegt, kamēr tas nav atpakaļ lietošanā.</translation>
    </message>
    <message>
        <source>%1 %2 is back in service and can be lent.</source>
        <translation>%1 %2 atkal lietošanā, to var izsniegt.</translation>
    </message>
    <message>
        <source>Retire an item</source>
        <translation>Norakstīt priekšmetu</translation>
    </message>
    <message>
        <source>Retire %1 %2? A retired item can no longer be lent; its loans stay on record.</source>
        <translation>Norakstīt %1 %2? Norakstītu priekšmetu vairs nevar izsniegt; tā izsniegšanas vēsture saglabājas.</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Norakstīt</translation>
    </message>
    <message>
        <source>%1 %2 is retired: it is no longer lent.</source>
        <translation>%1 %2 norakstīts: to vairs neizsniedz.</translation>
    </message>
    <message>
        <source>Lent %1 to %2, due back %3.</source>
        <translation>Izsniegts: %1 — %2, jāatgriež līdz %3.</translation>
    </message>
    <message>
        <source>Not lent, stays here: %1</source>
        <translation>Neizsniegts, paliek šeit: %1</translation>
    </message>
    <message>
        <source>Returned: %1, from %2.</source>
        <translation>Saņemts atpakaļ: %1, atdeva %2.</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Save</source>
        <translation>Saglabāt</translation>
    </message>
    <message>
        <source>Add an item</source>
        <translation>Pievienot priekšmetu</translation>
    </message>
    <message>
        <source>Edit %1 %2</source>
        <translation>Labot: %1 %2</translation>
    </message>
    <message>
        <source>e.g. LAP-04</source>
        <translation>piem., LAP-04</translation>
    </message>
    <message>
        <source>The tag is printed on the item&apos;s label; it cannot change later.</source>
        <translation>Kods tiek drukāts uz priekšmeta uzlīmes, tāpēc vēlāk to mainīt nevar.</translation>
    </message>
    <message>
        <source>e.g. Laptop Lenovo IdeaPad</source>
        <translation>piem., Portatīvais dators Lenovo IdeaPad</translation>
    </message>
    <message>
        <source>Not part of a kit</source>
        <translation>Nav komplekta daļa</translation>
    </message>
    <message>
        <source>This item is a kit with parts of its own.</source>
        <translation>Šis priekšmets ir komplekts ar savām daļām.</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Kods</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nosaukums</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorija</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Sērijas numurs</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Bibliotēka</translation>
    </message>
    <message>
        <source>Part of the kit</source>
        <translation>Komplekta daļa</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Piezīmes</translation>
    </message>
</context>
<context>
    <name>JournalRefusals</name>
    <message>
        <source>Not taken by the server</source>
        <translation>Serveris nepieņēma</translation>
    </message>
    <message>
        <source>These scans were saved on this laptop while the server was away. When they were sent, the server did not take them, for the reason beside each.</source>
        <translation>Šie skenējumi tika saglabāti šajā datorā, kamēr serveris nebija pieejams. Kad tie tika nosūtīti, serveris tos nepieņēma; iemesls norādīts blakus katram.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Kad</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Kas</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Kāpēc</translation>
    </message>
    <message>
        <source>What was done instead</source>
        <translation>Kas tika darīts vietā</translation>
    </message>
    <message>
        <source>Check-in, card %1</source>
        <translation>Reģistrācija, karte %1</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Reģistrācija</translation>
    </message>
    <message>
        <source>New child registered: %1</source>
        <translation>Reģistrēts jauns bērns: %1</translation>
    </message>
    <message>
        <source>Loan of %1</source>
        <translation>Izsniegšana (%1)</translation>
    </message>
    <message>
        <source>Return of %1</source>
        <translation>Atgriešana (%1)</translation>
    </message>
    <message>
        <source>Undo of a scan</source>
        <translation>Skenējuma atsaukšana</translation>
    </message>
</context>
<context>
    <name>KeyboardLayout</name>
    <message>
        <source>English (US) or Latvian (QWERTY)</source>
        <translation>angļu (ASV) vai latviešu (QWERTY)</translation>
    </message>
    <message>
        <source>Latvian (ergonomic, ŪGJRMV)</source>
        <translation>latviešu (ergonomiskā, ŪGJRMV)</translation>
    </message>
    <message>
        <source>Lithuanian</source>
        <translation>lietuviešu</translation>
    </message>
    <message>
        <source>Lithuanian (standard, LST 1582)</source>
        <translation>lietuviešu (standarta, LST 1582)</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>krievu</translation>
    </message>
    <message>
        <source>German</source>
        <translation>vācu</translation>
    </message>
    <message>
        <source>French (AZERTY)</source>
        <translation>franču (AZERTY)</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>OpenUp Desk: check in</source>
        <translation>OpenUp Desk: reģistrācija</translation>
    </message>
    <message>
        <source>Tap your name, or hold your card to the scanner or the camera.</source>
        <translation>Pieskaries savam vārdam vai pietuvini savu karti skenerim vai kamerai.</translation>
    </message>
    <message>
        <source>My card to the camera</source>
        <translation>Mana karte – kamerai</translation>
    </message>
    <message>
        <source>Librarian: leave the kiosk</source>
        <translation>Bibliotekāram: iziet no kioska</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Visi</translation>
    </message>
    <message>
        <source>That did not work. Please ask a librarian.</source>
        <translation>Neizdevās. Lūdzu, pajautā bibliotekāram.</translation>
    </message>
    <message>
        <source>This card could not be read. Please try again.</source>
        <translation>Karti neizdevās nolasīt. Lūdzu, mēģini vēlreiz.</translation>
    </message>
    <message>
        <source>This is an equipment label. Hold your own card, please.</source>
        <translation>Šī ir aprīkojuma uzlīme. Lūdzu, pietuvini savu karti.</translation>
    </message>
    <message>
        <source>This card is not known here. Please ask a librarian.</source>
        <translation>Šī karte šeit nav zināma. Lūdzu, pajautā bibliotekāram.</translation>
    </message>
    <message>
        <source>Hello, %1! You are already checked in.</source>
        <translation>Sveiki, %1! Tava ierašanās jau ir atzīmēta.</translation>
    </message>
    <message>
        <source>Welcome, %1!</source>
        <translation>Laipni lūdzam, %1!</translation>
    </message>
    <message>
        <source>Today: %1</source>
        <translation>Šodien: %1</translation>
    </message>
    <message>
        <source>Have a good time!</source>
        <translation>Lai jauka nodarbība!</translation>
    </message>
    <message>
        <source>No session is running now (or starting within half an hour): the kiosk opens for a running session.</source>
        <translation>Pašlaik nenotiek neviena nodarbība (un pusstundas laikā neviena nesākas): kiosks atveras tikai nodarbības laikā.</translation>
    </message>
</context>
<context>
    <name>LabelsForm</name>
    <message>
        <source>QR labels for equipment</source>
        <translation>Aprīkojuma QR uzlīmes</translation>
    </message>
    <message>
        <source>Labels to stick on the equipment: scanning one lends or takes back the item. Start at the first free label of a half-used sheet.</source>
        <translation>Uzlīmes aprīkojumam: nolasot uzlīmi, priekšmetu izsniedz vai saņem atpakaļ. Daļēji izlietotai lapai sāciet ar pirmo brīvo uzlīmi.</translation>
    </message>
    <message>
        <source>Label sheet</source>
        <translation>Uzlīmju lapa</translation>
    </message>
    <message>
        <source>First free label</source>
        <translation>Pirmā brīvā uzlīme</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Priekšmeti</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Priekšskatīt…</translation>
    </message>
    <message>
        <source>Tick at least one item.</source>
        <translation>Atzīmējiet vismaz vienu priekšmetu.</translation>
    </message>
</context>
<context>
    <name>LendDialog</name>
    <message>
        <source>Lend</source>
        <translation>Izsniegt</translation>
    </message>
    <message>
        <source>Lend %1</source>
        <translation>Izsniegt %1</translation>
    </message>
    <message>
        <source>Lend %1 %2 to:</source>
        <translation>Kam izsniegt %1 %2:</translation>
    </message>
    <message>
        <source>A child</source>
        <translation>Bērnam</translation>
    </message>
    <message>
        <source>A librarian</source>
        <translation>Bibliotekāram</translation>
    </message>
    <message>
        <source>Type a few letters of the name</source>
        <translation>Ierakstiet dažus vārda burtus</translation>
    </message>
    <message>
        <source>Lend its parts too: %1</source>
        <translation>Izsniegt arī tā daļas: %1</translation>
    </message>
    <message>
        <source>Due back at</source>
        <translation>Jāatgriež līdz</translation>
    </message>
    <message>
        <source>If not set: when the session running now ends, else at the end of today.</source>
        <translation>Ja nav norādīts: kad beigsies pašreizējā nodarbība, citādi — šīs dienas beigās.</translation>
    </message>
    <message>
        <source>The due time has already passed.</source>
        <translation>Atgriešanas laiks jau ir pagājis.</translation>
    </message>
</context>
<context>
    <name>LockCover</name>
    <message>
        <source>OpenUp Desk is locked.</source>
        <translation>OpenUp Desk ir bloķēts.</translation>
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
        <translation>Šodien</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Dalībnieki</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Nodarbības</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Aprīkojums</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Atskaites</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audita žurnāls</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Iestatījumi</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Datubāze: %1</translation>
    </message>
    <message>
        <source>Working with the database…</source>
        <translation>Darbs ar datubāzi…</translation>
    </message>
    <message>
        <source>Signed in:</source>
        <translation>Lietotājs:</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Atslēgties</translation>
    </message>
    <message>
        <source>Cover the window until someone signs in</source>
        <translation>Aizsegt logu, līdz kāds pieslēdzas</translation>
    </message>
</context>
<context>
    <name>Merge</name>
    <message>
        <source>matched by card with #{id}</source>
        <translation>atrasts pēc kartes: #{id}</translation>
    </message>
    <message>
        <source>the same registration as #{id}</source>
        <translation>tas pats reģistrētais bērns: #{id}</translation>
    </message>
    <message>
        <source>matched by name and birth year with #{id}</source>
        <translation>atrasts pēc vārda un dzimšanas gada: #{id}</translation>
    </message>
    <message>
        <source>matched with #{id}, as decided</source>
        <translation>sasaistīts ar #{id}, kā izlemts</translation>
    </message>
    <message>
        <source>a new child, as decided</source>
        <translation>jauns bērns, kā izlemts</translation>
    </message>
    <message>
        <source>matched with #{id}, who gets the card made on the laptop</source>
        <translation>sasaistīts ar #{id}, kurš saņem datorā izveidoto karti</translation>
    </message>
    <message>
        <source>the same name as {candidates}: the same child?</source>
        <translation>tāds pats vārds kā {candidates}: vai tas pats bērns?</translation>
    </message>
    <message>
        <source>erased in the database in use on {day}: the laptop&apos;s copy does not bring it back</source>
        <translation>dzēsts lietotajā datubāzē {day}: datora kopija to neatjauno</translation>
    </message>
    <message>
        <source>erased on the laptop</source>
        <translation>dzēsts datorā</translation>
    </message>
    <message>
        <source>the child is left out</source>
        <translation>bērns netiek pievienots</translation>
    </message>
    <message>
        <source>lent to the account {username}, which the database in use does not have</source>
        <translation>izsniegts kontam {username}, kura lietotajā datubāzē nav</translation>
    </message>
    <message>
        <source>{tag} is out in the database in use since {moment}</source>
        <translation>{tag} lietotajā datubāzē ir izsniegts kopš {moment}</translation>
    </message>
    <message>
        <source>returned on the laptop</source>
        <translation>atgriezts datorā</translation>
    </message>
    <message>
        <source>withdrawn on the laptop</source>
        <translation>atsaukta datorā</translation>
    </message>
    <message>
        <source>marked on the laptop as {status}</source>
        <translation>datorā atzīmēta: {status}</translation>
    </message>
    <message>
        <source>held</source>
        <translation>notika</translation>
    </message>
    <message>
        <source>did not occur</source>
        <translation>nenotika</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge a laptop&apos;s records</source>
        <translation>Apvienot datora ierakstus</translation>
    </message>
    <message>
        <source>A laptop that worked on its own file (at a camp, say) brings its sessions, check-ins, new children, loans and consents into this database. First you see what would be added, what is already here and what is left out; nothing is written until you press Merge. Merging the same file again adds nothing.</source>
        <translation>Dators, kas strādāja ar savu failu (piemēram, nometnē), pievieno šai datubāzei savas nodarbības, apmeklējumus, jaunos bērnus, izsniegumus un piekrišanas. Vispirms redzams, kas tiktu pievienots, kas šeit jau ir un kas netiek pievienots; nekas netiek ierakstīts, līdz nospiežat „Apvienot”. Tā paša faila atkārtota apvienošana neko nepievieno.</translation>
    </message>
    <message>
        <source>Choose the laptop&apos;s file…</source>
        <translation>Izvēlēties datora failu…</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Fails nav izvēlēts</translation>
    </message>
    <message>
        <source>Child on the laptop</source>
        <translation>Bērns datorā</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Kas notiek</translation>
    </message>
    <message>
        <source>Why, or your decision</source>
        <translation>Kāpēc, vai jūsu lēmums</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Apvienot</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Aizvērt</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Bērni</translation>
    </message>
    <message>
        <source>Other records: new, brought up to date or left out</source>
        <translation>Citi ieraksti: jauni, atjaunināti vai nepievienoti</translation>
    </message>
    <message>
        <source>sites: %1</source>
        <translation>bibliotēkas – %1</translation>
    </message>
    <message>
        <source>programs: %1</source>
        <translation>programmas – %1</translation>
    </message>
    <message>
        <source>sessions: %1</source>
        <translation>nodarbības – %1</translation>
    </message>
    <message>
        <source>children: %1</source>
        <translation>bērni – %1</translation>
    </message>
    <message>
        <source>consents: %1</source>
        <translation>piekrišanas – %1</translation>
    </message>
    <message>
        <source>check-ins: %1</source>
        <translation>apmeklējumi – %1</translation>
    </message>
    <message>
        <source>items: %1</source>
        <translation>priekšmeti – %1</translation>
    </message>
    <message>
        <source>loans: %1</source>
        <translation>izsniegumi – %1</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Bibliotēka</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programma</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Nodarbība</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Bērns</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Piekrišana</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Apmeklējums</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Priekšmets</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>Izsniegums</translation>
    </message>
    <message>
        <source>new</source>
        <translation>jauns</translation>
    </message>
    <message>
        <source>already here</source>
        <translation>jau ir šeit</translation>
    </message>
    <message>
        <source>already here, brought up to date</source>
        <translation>jau ir šeit, atjaunināts</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>netiek pievienots</translation>
    </message>
    <message>
        <source>needs your decision</source>
        <translation>vajadzīgs jūsu lēmums</translation>
    </message>
    <message>
        <source>OpenUp Desk databases (*.sqlite3);;All files (*)</source>
        <translation>OpenUp Desk datubāzes (*.sqlite3);;Visi faili (*)</translation>
    </message>
    <message>
        <source>Reading the laptop&apos;s file…</source>
        <translation>Nolasa datora failu…</translation>
    </message>
    <message>
        <source>Merged, new: %1.</source>
        <translation>Apvienots, jauni: %1.</translation>
    </message>
    <message>
        <source>New: %1.</source>
        <translation>Jauni: %1.</translation>
    </message>
    <message>
        <source>Already here: %1.</source>
        <translation>Jau ir šeit: %1.</translation>
    </message>
    <message>
        <source>Left out: %1.</source>
        <translation>Netiek pievienoti: %1.</translation>
    </message>
    <message>
        <source>Children that need your decision: %1.</source>
        <translation>Bērni, par kuriem vajadzīgs jūsu lēmums: %1.</translation>
    </message>
    <message>
        <source>The laptop&apos;s file holds no records.</source>
        <translation>Datora failā nav ierakstu.</translation>
    </message>
    <message>
        <source>Leave out for now</source>
        <translation>Pagaidām nepievienot</translation>
    </message>
    <message>
        <source>The same child as %1</source>
        <translation>Tas pats bērns, kas %1</translation>
    </message>
    <message>
        <source>Add as a new child</source>
        <translation>Pievienot kā jaunu bērnu</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Apvieno…</translation>
    </message>
</context>
<context>
    <name>MonthField</name>
    <message>
        <source>MM.YYYY</source>
        <translation>MM.GGGG</translation>
    </message>
    <message>
        <source>Month and year, e.g. 10.2018 (Up/Down: previous or next month)</source>
        <translation>Mēnesis un gads, piem., 10.2018 (augšup/lejup: iepriekšējais vai nākamais mēnesis)</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <source>◀ Previous month</source>
        <translation>◀ Iepriekšējais mēnesis</translation>
    </message>
    <message>
        <source>Page Up</source>
        <translation>Page Up</translation>
    </message>
    <message>
        <source>Next month ▶</source>
        <translation>Nākamais mēnesis ▶</translation>
    </message>
    <message>
        <source>Page Down</source>
        <translation>Page Down</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Šis mēnesis</translation>
    </message>
    <message>
        <source>New session…</source>
        <translation>Jauna nodarbība…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Weekly series…</source>
        <translation>Iknedēļas sērija…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datums</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Laiks</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programma</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tēma</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Vieta</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statuss</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Reģistrēti</translation>
    </message>
    <message>
        <source>Not registered</source>
        <translation>Nereģistrēti</translation>
    </message>
    <message>
        <source>Visitors counted at the session but not registered by name</source>
        <translation>Nodarbībā saskaitītie apmeklētāji, kas nav reģistrēti vārdā</translation>
    </message>
    <message>
        <source>No sessions are scheduled in this month.</source>
        <translation>Šajā mēnesī nav ieplānotu nodarbību.</translation>
    </message>
    <message>
        <source>Open attendance</source>
        <translation>Atvērt apmeklējumu</translation>
    </message>
    <message>
        <source>Enter, or double-click the session</source>
        <translation>Enter vai dubultklikšķis uz nodarbības</translation>
    </message>
    <message>
        <source>Mark held</source>
        <translation>Atzīmēt: notika</translation>
    </message>
    <message>
        <source>Cancel session…</source>
        <translation>Atzīmēt: nenotika…</translation>
    </message>
    <message>
        <source>Mark that the session did not occur</source>
        <translation>Atzīmēt, ka nodarbība nenotika</translation>
    </message>
    <message>
        <source>Back to planned</source>
        <translation>Atpakaļ uz plānotu</translation>
    </message>
    <message>
        <source>Undo “held” or “did not occur”</source>
        <translation>Atsaukt „notika” vai „nenotika”</translation>
    </message>
    <message>
        <source>Sign-in sheet…</source>
        <translation>Parakstu lapa…</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>month name and year</comment>
        <translation>%2. gada %1</translation>
    </message>
    <message>
        <source>Led by %1</source>
        <translation>Vada %1</translation>
    </message>
    <message>
        <source>Every date of the series already had a session.</source>
        <translation>Visos sērijas datumos nodarbības jau bija.</translation>
    </message>
    <message>
        <source>Scheduled the session of %1.</source>
        <translation>Ieplānota nodarbība %1.</translation>
    </message>
    <message>
        <source>Scheduled %1 sessions.</source>
        <translation>Ieplānotas nodarbības: %1.</translation>
    </message>
    <message>
        <source>Mark the session of %1 (%2) as “did not occur”? Attendance already taken stays in the records.</source>
        <translation>Nodarbība %1 (%2): atzīmēt, ka tā nenotika? Jau reģistrētais apmeklējums ierakstos saglabāsies.</translation>
    </message>
    <message>
        <source>Cancel session</source>
        <translation>Nodarbība nenotika</translation>
    </message>
    <message>
        <source>Schedule sessions…</source>
        <translation>Plānot nodarbības…</translation>
    </message>
    <message>
        <source>There are no programs yet. Create the first program and schedule its sessions: then the desk picks the session running now.</source>
        <translation>Vēl nav nevienas programmas. Izveidojiet pirmo programmu un ieplānojiet tās nodarbības: tad lapa „Šodien” pati izvēlēsies nodarbību, kas notiek pašlaik.</translation>
    </message>
    <message>
        <source>Create the first program…</source>
        <translation>Izveidot pirmo programmu…</translation>
    </message>
</context>
<context>
    <name>MonthlyForm</name>
    <message>
        <source>Monthly attendance</source>
        <translation>Mēneša apmeklējums</translation>
    </message>
    <message>
        <source>Children × session dates with present, late, excused and absent marks, per program, with the month&apos;s totals.</source>
        <translation>Bērni × nodarbību datumi ar atzīmēm klāt, vēlu, attaisnoti, nav — katrai programmai, ar mēneša kopsummām.</translation>
    </message>
    <message>
        <source>All programs</source>
        <translation>Visas programmas</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mēnesis</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programma</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Bibliotēka</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Valoda</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Priekšskatīt…</translation>
    </message>
    <message>
        <source>Type the month as month.year, e.g. 10.2018.</source>
        <translation>Ierakstiet mēnesi kā mēnesis.gads, piem., 10.2018.</translation>
    </message>
</context>
<context>
    <name>NameSearch</name>
    <message>
        <source>No photo consent: do not photograph this child.</source>
        <translation>Nav piekrišanas fotografēšanai: šo bērnu nefotografēt.</translation>
    </message>
    <message>
        <source>already here</source>
        <translation>jau ir šeit</translation>
    </message>
    <message>
        <source>Already checked in to this session</source>
        <translation>Jau reģistrēts šajā nodarbībā</translation>
    </message>
</context>
<context>
    <name>NewChildDialog</name>
    <message>
        <source>New child</source>
        <translation>Jauns bērns</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>nav zināms</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vārds</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Uzvārds</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Dzimšanas gads</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Aizbildnis</translation>
    </message>
    <message>
        <source>Guardian&apos;s phone</source>
        <translation>Aizbildņa tālrunis</translation>
    </message>
    <message>
        <source>The guardian consents to</source>
        <translation>Aizbildnis piekrīt</translation>
    </message>
    <message>
        <source>Save and check in</source>
        <translation>Saglabāt un reģistrēt</translation>
    </message>
    <message>
        <source>Already registered: %1. Is this the same child?</source>
        <translation>Jau reģistrēts: %1. Vai tas ir tas pats bērns?</translation>
    </message>
    <message>
        <source>Check in %1 instead</source>
        <translation>Tā vietā reģistrēt: %1</translation>
    </message>
</context>
<context>
    <name>NewProgramDialog</name>
    <message>
        <source>New program</source>
        <translation>Jauna programma</translation>
    </message>
    <message>
        <source>e.g. Nāc, pievienojies!</source>
        <translation>piem., Nāc, pievienojies!</translation>
    </message>
    <message>
        <source>Its sessions are scheduled next.</source>
        <translation>Tās nodarbības ieplānosiet nākamajā solī.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Izveidot</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nosaukums</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Veids</translation>
    </message>
</context>
<context>
    <name>NewSessionDialog</name>
    <message>
        <source>New session</source>
        <translation>Jauna nodarbība</translation>
    </message>
    <message>
        <source>What the session is about</source>
        <translation>Par ko būs nodarbība</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programma</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datums</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>Sākums</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>Beigas</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tēma</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Vieta</translation>
    </message>
    <message>
        <source>Led by</source>
        <translation>Vada</translation>
    </message>
</context>
<context>
    <name>OutList</name>
    <message>
        <source>Tag</source>
        <translation>Kods</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Priekšmets</translation>
    </message>
    <message>
        <source>Who has it</source>
        <translation>Kam izsniegts</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Kopš</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Jāatgriež</translation>
    </message>
    <message>
        <source>Out now: %1</source>
        <translation>Izsniegti: %1</translation>
    </message>
    <message>
        <source>overdue: %1</source>
        <translation>nokavēti: %1</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Nokavēts</translation>
    </message>
    <message>
        <source>Saved on this laptop, not yet sent</source>
        <translation>Saglabāts šajā datorā, vēl nav nosūtīts</translation>
    </message>
</context>
<context>
    <name>OutcomeMessage</name>
    <message>
        <source>An item scanned now is lent to %1.</source>
        <translation>Tagad nolasīto priekšmetu izsniegs: %1.</translation>
    </message>
    <message>
        <source>check-in of %1</source>
        <translation>reģistrācija (%1)</translation>
    </message>
    <message>
        <source>loan of %1</source>
        <translation>izsniegšana (%1)</translation>
    </message>
    <message>
        <source>%1 still has overdue: %2</source>
        <translation>%1: nav atdots laikā — %2</translation>
    </message>
    <message>
        <source>Not lent: %1</source>
        <translation>Nav izsniegts: %1</translation>
    </message>
    <message>
        <source>return of %1</source>
        <translation>atgriešana (%1)</translation>
    </message>
</context>
<context>
    <name>ParticipantForm</name>
    <message>
        <source>Choose a child in the list, or add a new participant.</source>
        <translation>Izvēlieties bērnu sarakstā vai pievienojiet jaunu dalībnieku.</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>nav zināms</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>nav norādīts</translation>
    </message>
    <message>
        <source>Target group (social-risk family)</source>
        <translation>Mērķgrupa (sociālā riska ģimene)</translation>
    </message>
    <message>
        <source>Sensitive: shown only on this page and only ever counted in reports, never printed by name.</source>
        <translation>Sensitīvi dati: redzami tikai šajā lapā, atskaitēs tikai saskaitīti, nekad netiek drukāti ar vārdu.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vārds</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Uzvārds</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Dzimšanas gads</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Dzimums</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Bibliotēka</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Aizbildnis</translation>
    </message>
    <message>
        <source>Guardian&apos;s phone</source>
        <translation>Aizbildņa tālrunis</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Piezīmes</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Pamatdati</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Reģistrēt</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Saglabāt</translation>
    </message>
    <message>
        <source>Register anyway</source>
        <translation>Tomēr reģistrēt</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saglabāts.</translation>
    </message>
    <message>
        <source>Registered. Consents can be recorded now.</source>
        <translation>Reģistrēts. Tagad var ierakstīt piekrišanas.</translation>
    </message>
    <message>
        <source>Archived.</source>
        <translation>Arhivēts.</translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation>Atjaunots.</translation>
    </message>
    <message>
        <source>Erased. Attendance stays, anonymous.</source>
        <translation>Dzēsts. Apmeklējums saglabājas anonīmi.</translation>
    </message>
</context>
<context>
    <name>ParticipantsModel</name>
    <message>
        <source>Last name</source>
        <translation>Uzvārds</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vārds</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Dz. gads</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Bibliotēka</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>Mērķgrupa</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Arhivēts</translation>
    </message>
    <message>
        <source>✗ no photos</source>
        <translation>✗ bez foto</translation>
    </message>
</context>
<context>
    <name>ParticipantsPage</name>
    <message>
        <source>Participants</source>
        <translation>Dalībnieki</translation>
    </message>
    <message>
        <source>Search by name: “kenins” finds Ķēniņš</source>
        <translation>Meklēt pēc vārda: „kenins” atrod Ķēniņš</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>Visas bibliotēkas</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>Rādīt arhivētos</translation>
    </message>
    <message>
        <source>New participant</source>
        <translation>Jauns dalībnieks</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importēt…</translation>
    </message>
    <message>
        <source>Register the children of a roster (CSV or XLSX)</source>
        <translation>Reģistrēt bērnus no saraksta (CSV vai XLSX)</translation>
    </message>
    <message>
        <source>Print member cards…</source>
        <translation>Drukāt dalībnieku kartes…</translation>
    </message>
    <message>
        <source>The card of the chosen child, or of every child shown</source>
        <translation>Izvēlētā bērna vai visu redzamo bērnu kartes</translation>
    </message>
    <message>
        <source>Shown: %1</source>
        <translation>Parādīti: %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Nesaglabātas izmaiņas</translation>
    </message>
    <message>
        <source>The changes to this participant are not saved. Discard them?</source>
        <translation>Šī dalībnieka izmaiņas nav saglabātas. Atmest tās?</translation>
    </message>
</context>
<context>
    <name>PastRetentionModel</name>
    <message>
        <source>Child</source>
        <translation>Bērns</translation>
    </message>
    <message>
        <source>Last came</source>
        <translation>Pēdējais apmeklējums</translation>
    </message>
    <message>
        <source>Counted from</source>
        <translation>Termiņa sākums</translation>
    </message>
    <message>
        <source>never (registered %1)</source>
        <translation>nekad (reģistrēts %1)</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Pages: %1</source>
        <translation>Lapas: %1</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drukāt…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Saglabāt kā PDF…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Saglabāt kā PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF dokumenti (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PresentList</name>
    <message>
        <source>Here now: %1</source>
        <translation>Klāt: %1</translation>
    </message>
    <message>
        <source>no photos</source>
        <translation>bez foto</translation>
    </message>
    <message>
        <source>No photo consent: do not photograph this child.</source>
        <translation>Nav piekrišanas fotografēšanai: šo bērnu nefotografēt.</translation>
    </message>
    <message>
        <source>Saved on this laptop, not yet sent</source>
        <translation>Saglabāts šajā datorā, vēl nav nosūtīts</translation>
    </message>
</context>
<context>
    <name>PrivacyGroup</name>
    <message>
        <source>Children&apos;s records</source>
        <translation>Bērnu dati</translation>
    </message>
    <message>
        <source> years</source>
        <translation> gadi</translation>
    </message>
    <message>
        <source>after the last attendance</source>
        <translation>pēc pēdējā apmeklējuma</translation>
    </message>
    <message>
        <source>after the project ends (or the last attendance, if later)</source>
        <translation>pēc projekta beigām (vai pēc pēdējā apmeklējuma, ja tas ir vēlāk)</translation>
    </message>
    <message>
        <source>Save the rule</source>
        <translation>Saglabāt noteikumu</translation>
    </message>
    <message>
        <source>Children past the retention period…</source>
        <translation>Bērni, kuru glabāšanas termiņš beidzies…</translation>
    </message>
    <message>
        <source>An administrator sets how long children&apos;s records are kept.</source>
        <translation>Cik ilgi glabāt bērnu datus, nosaka administrators.</translation>
    </message>
    <message>
        <source>Keep a child&apos;s records</source>
        <translation>Glabāt bērna datus</translation>
    </message>
    <message>
        <source>Saved: the rule holds on every computer of this database.</source>
        <translation>Saglabāts: noteikums darbojas visos datoros, kas izmanto šo datubāzi.</translation>
    </message>
</context>
<context>
    <name>ProgramKind</name>
    <message>
        <source>Training cycle</source>
        <translation>Apmācību cikls</translation>
    </message>
    <message>
        <source>Open sessions</source>
        <translation>Atvērtās nodarbības</translation>
    </message>
    <message>
        <source>Camp</source>
        <translation>Nometne</translation>
    </message>
    <message>
        <source>Seminar for librarians</source>
        <translation>Seminārs bibliotekāriem</translation>
    </message>
</context>
<context>
    <name>ProgressWindow</name>
    <message>
        <source>Cancel</source>
        <translation>Atcelt</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Rādīt sīkāku informāciju...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Slēpt sīkāku informāciju...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Labi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Atcelt</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Saglabāt</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Jā</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Nē</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Atmest</translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <source>All sites</source>
        <translation>Visas bibliotēkas</translation>
    </message>
    <message>
        <source>Tick all</source>
        <translation>Atzīmēt visus</translation>
    </message>
    <message>
        <source>Tick none</source>
        <translation>Noņemt visas atzīmes</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Monthly attendance</source>
        <translation>Mēneša apmeklējums</translation>
    </message>
    <message>
        <source>Project indicators</source>
        <translation>Projekta rādītāji</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>Parakstu lapa</translation>
    </message>
    <message>
        <source>QR labels</source>
        <translation>QR uzlīmes</translation>
    </message>
    <message>
        <source>Member cards</source>
        <translation>Dalībnieku kartes</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Eksports uz Excel</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Atskaites</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>Children past the retention period</source>
        <translation>Bērni, kuru glabāšanas termiņš beidzies</translation>
    </message>
    <message>
        <source>The library keeps a child&apos;s records %1. Older than that: %2 children.</source>
        <translation>Bibliotēka glabā bērna datus %1. Bērni, kuru dati glabāti ilgāk: %2.</translation>
    </message>
    <message>
        <source>Erase these %1 children…</source>
        <translation>Dzēst šos bērnus (%1)…</translation>
    </message>
    <message>
        <source>Erase the records of %1 children for good? Their names, guardians, phones, notes, consents and card codes are removed; attendance stays as anonymous rows, so the project&apos;s totals do not change. This cannot be undone.</source>
        <translation>Neatgriezeniski dzēst šo bērnu datus (bērni: %1)? Tiks dzēsti viņu vārdi, aizbildņi, tālruņi, piezīmes, piekrišanas un karšu kodi; apmeklējums paliek kā anonīmas rindas, tāpēc projekta kopsummas nemainās. To nevarēs atsaukt.</translation>
    </message>
    <message>
        <source>Erased: %1 children.</source>
        <translation>Dzēsti bērni: %1.</translation>
    </message>
    <message>
        <source>Erasing the records of the children past the retention period…</source>
        <translation>Dzēš to bērnu datus, kuru glabāšanas termiņš beidzies…</translation>
    </message>
    <message>
        <source>Stopping after this batch: the children erased so far stay erased, the others are kept.</source>
        <translation>Apstāsies pēc šīs daļas: jau dzēstie bērnu dati paliek dzēsti, pārējie tiek saglabāti.</translation>
    </message>
    <message>
        <source>Stopped: %1 children erased, %2 kept.</source>
        <translation>Apturēts: dzēsti bērni: %1, saglabāti: %2.</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return</source>
        <translation>Saņemt atpakaļ</translation>
    </message>
    <message>
        <source>Return %1</source>
        <translation>Saņemt atpakaļ %1</translation>
    </message>
    <message>
        <source>%1 %2 comes back from %3, lent %4.</source>
        <translation>%1 %2 atgriež %3, izsniegts %4.</translation>
    </message>
    <message>
        <source>It was due back at %1.</source>
        <translation>Bija jāatgriež līdz %1.</translation>
    </message>
    <message>
        <source>e.g. stick drifts, screen scratched</source>
        <translation>piem., kociņš velk uz sāniem, ekrāns saskrāpēts</translation>
    </message>
    <message>
        <source>Condition note (optional)</source>
        <translation>Piezīme par stāvokli (nav obligāta)</translation>
    </message>
    <message>
        <source>Its parts come back too: %1</source>
        <translation>Saņemt atpakaļ arī tā daļas: %1</translation>
    </message>
</context>
<context>
    <name>ReturnNote</name>
    <message>
        <source>Condition (optional), e.g. stick drifts</source>
        <translation>Stāvoklis (nav obligāti), piem., kociņš velk uz sāniem</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Saglabāt piezīmi</translation>
    </message>
    <message>
        <source>Note on %1:</source>
        <translation>Piezīme par %1:</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <source>Unknown answer “{value}” in {column}: write jā/nē, yes/no or 1/0.</source>
        <translation>Nezināma atbilde „{value}” kolonnā {column}: rakstiet jā/nē, yes/no vai 1/0.</translation>
    </message>
    <message>
        <source>Birth year “{value}” is not a number.</source>
        <translation>Dzimšanas gads „{value}” nav skaitlis.</translation>
    </message>
    <message>
        <source>Birth year {year} is impossible: it must be between 1900 and {now}.</source>
        <translation>Dzimšanas gads {year} nav iespējams: tam jābūt no 1900 līdz {now}.</translation>
    </message>
    <message>
        <source>Unknown gender “{value}”: write meitene/zēns or girl/boy.</source>
        <translation>Nezināms dzimums „{value}”: rakstiet meitene/zēns vai girl/boy.</translation>
    </message>
    <message>
        <source>The first name is missing.</source>
        <translation>Trūkst vārda.</translation>
    </message>
    <message>
        <source>The last name is missing.</source>
        <translation>Trūkst uzvārda.</translation>
    </message>
    <message>
        <source>{column} is too long: at most {limit} characters.</source>
        <translation>Lauks {column} ir pārāk garš: ne vairāk kā {limit} rakstzīmes.</translation>
    </message>
    <message>
        <source>{column} contains control characters.</source>
        <translation>Laukā {column} ir vadības rakstzīmes.</translation>
    </message>
    <message>
        <source>The same child as in row {row}.</source>
        <translation>Tas pats bērns, kas {row}. rindā.</translation>
    </message>
    <message>
        <source>Already registered: {name}.</source>
        <translation>Jau reģistrēts: {name}.</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Row</source>
        <translation>Rinda</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vārds</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Uzvārds</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Dz. gads</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Dzimums</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Aizbildnis</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problēmas</translation>
    </message>
</context>
<context>
    <name>ScanField</name>
    <message>
        <source>Scan a card or a label, or type a name</source>
        <translation>Nolasiet karti vai uzlīmi, vai ierakstiet vārdu</translation>
    </message>
</context>
<context>
    <name>SessionHeader</name>
    <message>
        <source>Choose another session</source>
        <translation>Izvēlēties citu nodarbību</translation>
    </message>
    <message>
        <source>Create the first program…</source>
        <translation>Izveidot pirmo programmu…</translation>
    </message>
    <message>
        <source>Session:</source>
        <translation>Nodarbība:</translation>
    </message>
    <message>
        <source>— no session —</source>
        <translation>— bez nodarbības —</translation>
    </message>
    <message>
        <source>(cancelled)</source>
        <translation>(atcelta)</translation>
    </message>
    <message>
        <source>This library has no programs yet. Create its first program and its sessions to check children in.</source>
        <translation>Šai bibliotēkai vēl nav nevienas programmas. Izveidojiet tās pirmo programmu un nodarbības, lai varētu reģistrēt bērnus.</translation>
    </message>
    <message>
        <source>No session is running now. Choose one to check children in.</source>
        <translation>Pašlaik nenotiek neviena nodarbība. Izvēlieties nodarbību, lai reģistrētu bērnus.</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>Sessions</source>
        <translation>Nodarbības</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>until the session ends, else the day ends</source>
        <translation>līdz nodarbības beigām, citādi līdz dienas beigām</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Play a sound after each scan</source>
        <translation>Atskaņot skaņu pēc katras nolasīšanas</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Nobody touched the program this long: it locks and asks for the password</source>
        <translation>Ja programmai tik ilgi neviens nepieskaras, tā bloķējas un prasa paroli</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Valoda</translation>
    </message>
    <message>
        <source>Site of this laptop</source>
        <translation>Šī datora bibliotēka</translation>
    </message>
    <message>
        <source>Default loan length</source>
        <translation>Izsniegšanas ilgums pēc noklusējuma</translation>
    </message>
    <message>
        <source>Lock when idle for</source>
        <translation>Bloķēt pēc dīkstāves</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Iestatījumi</translation>
    </message>
    <message>
        <source>About OpenUp Desk…</source>
        <translation>Par OpenUp Desk…</translation>
    </message>
    <message>
        <source>Version, database and licences (F1)</source>
        <translation>Versija, datubāze un licences (F1)</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>OpenUp Desk: sign in</source>
        <translation>OpenUp Desk: pieslēgšanās</translation>
    </message>
    <message>
        <source>The program was locked while nobody used it. Type your password to go on.</source>
        <translation>Programma tika bloķēta, kamēr neviens to neizmantoja. Ierakstiet savu paroli, lai turpinātu.</translation>
    </message>
    <message>
        <source>Sign in with your username and password.</source>
        <translation>Pieslēdzieties ar savu lietotājvārdu un paroli.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Lietotājvārds</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Parole</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Pieslēgties</translation>
    </message>
    <message>
        <source>Type your username and your password.</source>
        <translation>Ierakstiet lietotājvārdu un paroli.</translation>
    </message>
</context>
<context>
    <name>SigninForm</name>
    <message>
        <source>Sign-in sheet</source>
        <translation>Parakstu lapa</translation>
    </message>
    <message>
        <source>The list of one session for the children&apos;s signatures: those checked in, then empty rows for walk-ins.</source>
        <translation>Vienas nodarbības saraksts bērnu parakstiem: reģistrētie, tad tukšas rindas jaunpienācējiem.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datums</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Nodarbība</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Valoda</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Priekšskatīt…</translation>
    </message>
    <message>
        <source>No session on this date.</source>
        <translation>Šajā datumā nodarbību nav.</translation>
    </message>
</context>
<context>
    <name>UpgradeDialog</name>
    <message>
        <source>Upgrade the shared database</source>
        <translation>Kopīgās datubāzes atjaunināšana</translation>
    </message>
    <message>
        <source>An administrator signs to upgrade it now:</source>
        <translation>Lai to atjauninātu tagad, administrators ievada savus datus:</translation>
    </message>
    <message>
        <source>Administrator&apos;s username:</source>
        <translation>Administratora lietotājvārds:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Parole:</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Atjaunināt</translation>
    </message>
</context>
<context>
    <name>WeeklySeriesDialog</name>
    <message>
        <source>Weekly series of sessions</source>
        <translation>Iknedēļas nodarbību sērija</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datums</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tēma</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programma</translation>
    </message>
    <message>
        <source>First date</source>
        <translation>Pirmais datums</translation>
    </message>
    <message>
        <source>Last date</source>
        <translation>Pēdējais datums</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>Sākums</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>Beigas</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Vieta</translation>
    </message>
    <message>
        <source>Led by</source>
        <translation>Vada</translation>
    </message>
    <message>
        <source>Type each date&apos;s theme in the table; a theme may stay empty.</source>
        <translation>Ierakstiet tabulā katra datuma tēmu; tēma var palikt tukša.</translation>
    </message>
    <message>
        <source>Already scheduled; this date is left as it is.</source>
        <translation>Jau ieplānota; šis datums paliek, kā ir.</translation>
    </message>
    <message>
        <source>The last date is before the first one.</source>
        <translation>Pēdējais datums ir pirms pirmā.</translation>
    </message>
    <message>
        <source>Every %1: %2 sessions from %3 to %4.</source>
        <translation>Nedēļas diena: %1. Jaunas nodarbības no %3 līdz %4: %2.</translation>
    </message>
    <message>
        <source>%1 dates already have a session and are left as they are.</source>
        <translation>Datumi, kuros nodarbība jau ir: %1; tie paliek, kā ir.</translation>
    </message>
</context>
<context>
    <name>_ScheduleDialog</name>
    <message>
        <source>e.g. children&apos;s reading room</source>
        <translation>piem., bērnu lasītava</translation>
    </message>
    <message>
        <source>(nobody chosen)</source>
        <translation>(neviens nav izvēlēts)</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Ieplānot</translation>
    </message>
    <message>
        <source>This site has no programs yet, so there is nothing to schedule.</source>
        <translation>Šai bibliotēkai vēl nav programmu, tāpēc nav ko plānot.</translation>
    </message>
    <message>
        <source>The session must end after it starts.</source>
        <translation>Nodarbībai jābeidzas pēc tās sākuma.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Change where the records live?</source>
        <translation>Mainīt, kur glabājas ieraksti?</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The disk is full. Nothing more can be saved until space is freed.</source>
        <translation>Disks ir pilns. Neko vairs nevar saglabāt, kamēr netiek atbrīvota vieta.</translation>
    </message>
    <message>
        <source>The database cannot be written: the file or the disk is read-only.</source>
        <translation>Datubāzē nevar ierakstīt: fails vai disks ir tikai lasāms.</translation>
    </message>
    <message>
        <source>The database is busy on another computer. Please try again.</source>
        <translation>Datubāzi pašlaik izmanto cits dators. Lūdzu, mēģiniet vēlreiz.</translation>
    </message>
    <message>
        <source>The database server cannot be reached. Check the network.</source>
        <translation>Nevar sasniegt datubāzes serveri. Pārbaudiet tīkla savienojumu.</translation>
    </message>
    <message>
        <source>OpenUp Desk</source>
        <translation>OpenUp Desk</translation>
    </message>
    <message>
        <source>Something went wrong, and what you were doing may not have been saved. The program keeps running. The details were written to the log file.</source>
        <translation>Kaut kas nogāja greizi, un iesāktais, iespējams, netika saglabāts. Programma turpina darboties. Sīkāka informācija ierakstīta žurnāla failā.</translation>
    </message>
</context>
<context>
    <name>privacy</name>
    <message>
        <source>%1 years after the project ends (or the last attendance, if later)</source>
        <translation>%1 g. pēc projekta beigām (vai pēc pēdējā apmeklējuma, ja tas ir vēlāk)</translation>
    </message>
    <message>
        <source>%1 years after the last attendance</source>
        <translation>%1 g. pēc pēdējā apmeklējuma</translation>
    </message>
    <message>
        <source>Everything stored about %1</source>
        <translation>Visi glabātie dati — %1</translation>
    </message>
    <message>
        <source>PDF document (*.pdf);;JSON data (*.json)</source>
        <translation>PDF dokuments (*.pdf);;JSON dati (*.json)</translation>
    </message>
    <message>
        <source>Access request</source>
        <translation>Piekļuves pieprasījums</translation>
    </message>
    <message>
        <source>Everything stored about %1 was saved to %2. The file is readable by you only; hand it over in person or encrypted.</source>
        <translation>Visi glabātie dati (%1) saglabāti failā %2. Failu varat lasīt tikai jūs; nododiet to personīgi vai šifrētu.</translation>
    </message>
    <message>
        <source>Erase a child&apos;s records</source>
        <translation>Dzēst bērna datus</translation>
    </message>
    <message>
        <source>Erase %1&apos;s records for good?</source>
        <translation>Neatgriezeniski dzēst šī bērna datus (%1)?</translation>
    </message>
    <message>
        <source>The name, guardian, phone, notes, consents and card code are removed, also from the audit log. Attendance and loans stay as anonymous rows, so the project&apos;s totals do not change. This cannot be undone.</source>
        <translation>Tiks dzēsti vārds, aizbildnis, tālrunis, piezīmes, piekrišanas un kartes kods, arī audita žurnālā. Apmeklējums un izsniegšana paliek kā anonīmas rindas, tāpēc projekta kopsummas nemainās. To nevarēs atsaukt.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Dzēst</translation>
    </message>
</context>
</TS>
