"""The demo's story in data: the libraries, the children, the year's sessions and the equipment.

Only names, dates and choices: db/demo.py makes records of them through the use cases.
A change here changes the demo database that the tests, screenshots and README build on.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, time

from db.clock import at_local
from db.models import Gender, ItemCategory

SEED = 263
# The project starts on 1 April 2018: the coordinator sets the database up on the Tuesday after.
SET_UP = at_local(date(2018, 4, 3), time(10))
ITEMS_BOUGHT = at_local(date(2018, 8, 6), time(11))  # the week before the camp
# The demo's own accounts (printed in the README); a real database starts with the
# first-run dialog and has no default password.
DEMO_PASSWORDS = {"admin": "admin-demo-2018", "anna": "anna-demo-2018"}
PLACE = "Bērnu literatūras nodaļa"
JEKABPILS, LUDZA, ROKISKIS = "Jēkabpils", "Ludza", "Rokiškis"
SITES = (
    (JEKABPILS, "LV", "Jēkabpils Galvenā bibliotēka"),
    (LUDZA, "LV", "Ludzas novada bibliotēka"),
    (ROKISKIS, "LT", "Rokiškio rajono savivaldybės Juozo Keliuočio viešoji biblioteka"),
)

PROJECT_NAME = "OPEN UP"
PROJECT_NUMBER = "LLI-263"
PROJECT_TITLE = (
    "Interaktīvās izglītības telpa – efektīvs nelabvēlīgu ģimeņu bērnu sociālās integrācijas veids"
)
PROGRAMME = "Interreg V-A Latvijas–Lietuvas pārrobežu sadarbības programma 2014.–2020. gadam"
FUNDING_STATEMENT = (
    "Šī publikācija ir sagatavota ar Eiropas Savienības finansiālo atbalstu. Par publikācijas"
    " saturu atbild Jēkabpils Galvenā bibliotēka, un tas nekādā gadījumā nav uzskatāms par"
    " Eiropas Savienības oficiālo nostāju."
)

CYCLE = "Apmācību cikls"
OPEN = "Nāc, pievienojies!"
CAMP = "Be active! Be positive!"
SEMINAR = "Seminārs bibliotekāriem"

G, B = Gender.GIRL, Gender.BOY

# first name, last name, gender, birth year, guardian (siblings share one)
JEKABPILS_CHILDREN: tuple[tuple[str, str, Gender, int, str], ...] = (
    ("Kārlis", "Ķēniņš", B, 2008, "Inga Ķēniņa"),
    ("Elza", "Ķēniņa", G, 2010, "Inga Ķēniņa"),
    ("Marta", "Žūriņa", G, 2007, "Dace Žūriņa"),
    ("Roberts", "Čaks", B, 2006, "Aivars Čaks"),
    ("Emīls", "Cīrulis", B, 2009, "Sanita Cīrule"),
    ("Līva", "Dārziņa", G, 2011, "Kristīne Dārziņa"),
    ("Mārtiņš", "Dārziņš", B, 2008, "Kristīne Dārziņa"),
    ("Jānis", "Bērziņš", B, 2005, "Ilona Bērziņa"),
    ("Katrīna", "Šmite", G, 2006, "Guntis Šmits"),
    ("Ričards", "Šmits", B, 2010, "Guntis Šmits"),
    ("Alise", "Ozoliņa", G, 2008, "Zane Ozoliņa"),
    ("Markuss", "Zariņš", B, 2007, "Liene Zariņa"),
    ("Gustavs", "Žagars", B, 2009, "Baiba Žagare"),
    ("Laura", "Kalniņa", G, 2004, "Ieva Kalniņa"),
    ("Dāvis", "Liepiņš", B, 2011, "Agnese Liepiņa"),
    ("Paula", "Krūmiņa", G, 2009, "Evita Krūmiņa"),
    ("Artūrs", "Vītols", B, 2006, "Edgars Vītols"),
    ("Annija", "Jansone", G, 2010, "Līga Jansone"),
    ("Rihards", "Kļaviņš", B, 2005, "Ilze Kļaviņa"),
    ("Evelīna", "Grīnberga", G, 2007, "Santa Grīnberga"),
    ("Edgars", "Lācis", B, 2008, "Rita Lāce"),
    ("Estere", "Eglīte", G, 2012, "Jolanta Eglīte"),
    ("Niks", "Eglītis", B, 2009, "Jolanta Eglīte"),
    ("Rūta", "Siliņa", G, 2006, "Vineta Siliņa"),
    ("Toms", "Pētersons", B, 2003, "Andris Pētersons"),
    ("Madara", "Priede", G, 2008, "Ginta Priede"),
    ("Ēriks", "Āboliņš", B, 2010, "Daiga Āboliņa"),
    ("Elīza", "Vanaga", G, 2011, "Laila Vanaga"),
    ("Krišjānis", "Balodis", B, 2007, "Māris Balodis"),
    ("Dārta", "Balode", G, 2009, "Māris Balodis"),
    ("Reinis", "Lejiņš", B, 2004, "Inese Lejiņa"),
    ("Sanija", "Riekstiņa", G, 2010, "Elita Riekstiņa"),
    ("Miķelis", "Sproģis", B, 2008, "Gunta Sproģe"),
    ("Amēlija", "Ģērmane", G, 2012, "Sigita Ģērmane"),
    ("Oskars", "Ķeņģis", B, 2006, "Jānis Ķeņģis"),
    ("Megija", "Strautiņa", G, 2007, "Olga Strautiņa"),
    ("Daniels", "Rozītis", B, 2011, "Iveta Rozīte"),
    ("Keita", "Skuja", G, 2009, "Aija Skuja"),
    ("Kristers", "Vilks", B, 2005, "Valdis Vilks"),
    ("Beāte", "Mežule", G, 2010, "Anita Mežule"),
    ("Ralfs", "Upītis", B, 2012, "Solvita Upīte"),
    ("Viktorija", "Ivanova", G, 2008, "Jeļena Ivanova"),
    ("Aleksandrs", "Ivanovs", B, 2006, "Jeļena Ivanova"),
    ("Darja", "Petrova", G, 2009, "Natālija Petrova"),
    ("Maksims", "Kuzņecovs", B, 2007, "Sergejs Kuzņecovs"),
    ("Linda", "Jurēvica", G, 2005, "Dace Jurēvica"),
    ("Raivis", "Pūce", B, 2010, "Ligita Pūce"),
    ("Agnese", "Ābele", G, 2008, "Rudīte Ābele"),
    ("Sofija", "Zvaigzne", G, 2011, "Marika Zvaigzne"),
    ("Roberts", "Mednis", B, 2004, "Arnis Mednis"),
    ("Anna", "Pakalne", G, 2012, "Ilga Pakalne"),
    ("Emīlija", "Žīgure", G, 2009, "Kaspars Žīgurs"),
)
LUDZA_CHILDREN: tuple[tuple[str, str, Gender, int, str], ...] = (
    ("Jānis", "Locs", B, 2007, "Anita Loca"),
    ("Elīna", "Vonoga", G, 2008, "Inta Vonoga"),
    ("Artjoms", "Smirnovs", B, 2009, "Svetlana Smirnova"),
    ("Ieva", "Zeltkalne", G, 2006, "Aldis Zeltkalns"),
    ("Marks", "Pudāns", B, 2010, "Rasma Pudāne"),
)
ROKISKIS_CHILDREN: tuple[tuple[str, str, Gender, int, str], ...] = (
    ("Jonas", "Kazlauskas", B, 2007, "Rūta Kazlauskienė"),
    ("Gabija", "Petrauskaitė", G, 2008, "Vilma Petrauskienė"),
    ("Ūla", "Žukauskaitė", G, 2010, "Aistė Žukauskienė"),
    ("Matas", "Jankauskas", B, 2006, "Darius Jankauskas"),
    ("Austėja", "Kavaliauskaitė", G, 2009, "Jurgita Kavaliauskienė"),
)
# Librarians from the partner libraries, who come to the seminars.
SEMINAR_GUESTS: tuple[tuple[str, str, int, str], ...] = (
    ("Sandra", "Kokina", 1975, LUDZA),
    ("Inese", "Pauniņa", 1982, LUDZA),
    ("Rasa", "Jankauskienė", 1970, ROKISKIS),
    ("Vida", "Stankevičienė", 1978, ROKISKIS),
)

# The training cycle's children (from social-risk families) and the day each joined it.
CYCLE_CHILDREN: Mapping[tuple[str, str], date] = {
    ("Kārlis", "Ķēniņš"): date(2018, 9, 19),
    ("Elza", "Ķēniņa"): date(2018, 9, 19),
    ("Roberts", "Čaks"): date(2018, 9, 19),
    ("Emīls", "Cīrulis"): date(2018, 9, 19),
    ("Katrīna", "Šmite"): date(2018, 9, 19),
    ("Ričards", "Šmits"): date(2018, 9, 19),
    ("Gustavs", "Žagars"): date(2018, 9, 19),
    ("Edgars", "Lācis"): date(2018, 9, 19),
    ("Niks", "Eglītis"): date(2018, 10, 17),
    ("Madara", "Priede"): date(2018, 10, 17),
    ("Viktorija", "Ivanova"): date(2018, 11, 14),
    ("Aleksandrs", "Ivanovs"): date(2019, 1, 9),
}
# Jēkabpils children who were at the August camp (registered there), besides all partners'.
CAMP_CHILDREN = {
    ("Kārlis", "Ķēniņš"),
    ("Elza", "Ķēniņa"),
    ("Marta", "Žūriņa"),
    ("Roberts", "Čaks"),
    ("Emīls", "Cīrulis"),
    ("Līva", "Dārziņa"),
    ("Mārtiņš", "Dārziņš"),
    ("Jānis", "Bērziņš"),
    ("Alise", "Ozoliņa"),
    ("Markuss", "Zariņš"),
    ("Gustavs", "Žagars"),
    ("Paula", "Krūmiņa"),
    ("Roberts", "Mednis"),
}
# A child who moved away: archived after their last visit, their history stays.
MOVED_AWAY = {("Roberts", "Mednis"): (date(2019, 5, 31), "Pārcēlās uz Rīgu 2019. gada vasarā.")}

CAMP_DAYS: tuple[tuple[date, str, str], ...] = (
    (date(2018, 8, 13), "Iepazīšanās un komandas spēles", PLACE),
    (date(2018, 8, 14), "Orientēšanās pilsētā", "Jēkabpils vecpilsēta"),
    (date(2018, 8, 15), "Radošās darbnīcas", PLACE),
    (date(2018, 8, 16), "Sporta diena ar Xbox Kinect", PLACE),
    (date(2018, 8, 17), "Noslēguma koncerts vecākiem", PLACE),
)

# ~Biweekly on Wednesdays; 20 held (one flu-week session made up a week later).
CYCLE_SESSIONS: tuple[tuple[date, str, str], ...] = (
    (date(2018, 9, 19), "Iepazīšanās: kas ir uzņēmējs?", PLACE),
    (date(2018, 10, 3), "Vizīte uzņēmumā: maiznīca", "Maiznīca, Brīvības iela"),
    (date(2018, 10, 17), "Vizīte uzņēmumā: laikraksta redakcija", "Laikraksta redakcija"),
    (date(2018, 10, 31), "Vizīte uzņēmumā: kokapstrādes uzņēmums", "Kokapstrādes uzņēmums"),
    (date(2018, 11, 14), "Vizīte uzņēmumā: zemnieku saimniecība", "Zemnieku saimniecība"),
    (date(2018, 11, 28), "Ko uzzinājām uzņēmumos: pārrunas", PLACE),
    (date(2018, 12, 12), "Īsfilma: ideja un scenārijs", PLACE),
    (date(2019, 1, 9), "Īsfilma: lomas un filmēšanas plāns", PLACE),
    (date(2019, 1, 23), "Īsfilma: filmēšana bibliotēkā", PLACE),
    (date(2019, 2, 6), "Īsfilma: filmēšana bibliotēkā (2. daļa)", PLACE),
    (date(2019, 2, 20), "Īsfilma: montāža", PLACE),
    (date(2019, 2, 27), "Īsfilma: montāža", PLACE),
    (date(2019, 3, 6), "Īsfilmu pirmizrāde", PLACE),
    (date(2019, 3, 20), "Prezentācija: kā pastāstīt par sevi", PLACE),
    (date(2019, 4, 3), "Prezentācija: mans sapņu uzņēmums", PLACE),
    (date(2019, 4, 17), "Prezentācija: slaidu veidošana", PLACE),
    (date(2019, 5, 8), "Prezentāciju diena vecākiem", PLACE),
    (date(2019, 5, 22), "Fotogrāfija: kompozīcija un gaisma", PLACE),
    (date(2019, 6, 5), "Fotografēšana bibliotēkā", PLACE),
    (date(2019, 6, 12), "Foto izstādes sagatavošana", PLACE),
    (date(2019, 6, 19), "Noslēguma pasākums un foto izstāde", PLACE),
)
CYCLE_CANCELLED = {date(2019, 2, 20)}  # flu quarantine in the schools
CYCLE_WITH_LAPTOPS = {
    date(2018, 12, 12),
    date(2019, 1, 9),
    date(2019, 2, 27),
    date(2019, 3, 20),
    date(2019, 4, 3),
    date(2019, 4, 17),
    date(2019, 5, 8),
    date(2019, 6, 12),
}
CYCLE_WITH_CAMERA = {date(2019, 1, 23), date(2019, 2, 6), date(2019, 5, 22), date(2019, 6, 5)}

SEMINAR_SESSIONS: tuple[tuple[date, str], ...] = (
    (date(2018, 11, 22), "Interaktīvās metodes darbā ar bērniem"),
    (date(2019, 10, 17), "Projekta pieredze: atvērtās nodarbības un apmācību cikls"),
)

OPEN_FIRST, OPEN_LAST = date(2018, 9, 14), date(2019, 12, 20)
OPEN_STARTS, OPEN_ENDS = time(16, 0), time(17, 0)
CAMP_STARTS, CAMP_ENDS = time(10), time(15)
CYCLE_STARTS, CYCLE_ENDS = time(15), time(17)
SEMINAR_STARTS, SEMINAR_ENDS = time(10), time(14)
OPEN_THEMES: Mapping[date, str] = {
    date(2018, 9, 14): "Iepazīšanās: nāc, pievienojies!",
    date(2018, 9, 21): "Dzejas dienas bibliotēkā",
    date(2018, 9, 28): "Mana mīļākā grāmata",
    date(2018, 10, 5): "Iespējas dzīvojot laukos",
    date(2018, 10, 12): "Piedzīvojumu pasaule",
    date(2018, 10, 19): "Jūties droši uz ceļa!",
    date(2018, 10, 26): "Mani supervaroņi",
    date(2018, 11, 9): "Mārtiņdienas tradīcijas",
    date(2018, 11, 16): "Latvijai 100: mana Latvija",
    date(2018, 11, 30): "Adventes vainags",
    date(2018, 12, 7): "Ziemassvētku kartītes",
    date(2018, 12, 14): "Piparkūku darbnīca",
    date(2018, 12, 21): "Ziemassvētku rūķu pēcpusdiena",
    date(2019, 1, 4): "Ziemas pasakas",
    date(2019, 2, 8): "Drošs internets",
    date(2019, 2, 15): "Draudzības diena",
    date(2019, 3, 1): "Bērnu žūrijas grāmatas",
    date(2019, 3, 29): "Zemes stunda",
    date(2019, 4, 5): "Starptautiskā bērnu grāmatu diena",
    date(2019, 5, 10): "Apsveikums māmiņai",
    date(2019, 5, 31): "Vasaras lasīšanas plāni",
    date(2019, 6, 21): "Līgo dziesmas un vainagi",
    date(2019, 8, 30): "Skolas soma gatava?",
    date(2019, 9, 27): "Dzejas diena",
    date(2019, 10, 4): "Dzīvnieku diena",
    date(2019, 10, 25): "Ķirbju vakars",
    date(2019, 11, 15): "Lāčplēša stāsti",
    date(2019, 12, 13): "Ziemassvētku dāvanas paša rokām",
    date(2019, 12, 20): "Gada noslēgums: spēļu turnīrs",
}
# Fridays without a special theme take one of these in turn.
EVERYDAY_THEMES = (
    "Galda spēļu pēcpusdiena",
    "Komiksu darbnīca",
    "Lasām kopā",
    "Xbox turnīrs",
    "Radošā darbnīca",
    "Foto orientēšanās bibliotēkā",
    "Prāta spēles",
)
OPEN_CANCELLED = {date(2018, 12, 28), date(2019, 4, 19)}  # between the holidays; Good Friday

XBOX = "XBOX-01"
CONTROLLER_NOTE = ("CTL-02", date(2019, 11, 22), "Kociņš velk uz sāniem")
ITEMS: tuple[tuple[str, str, ItemCategory, str, str | None, str], ...] = (
    ("LAP-01", "Portatīvais dators Lenovo ThinkPad", ItemCategory.LAPTOP, "PF1KQ3ZA", None, ""),
    ("LAP-02", "Portatīvais dators Lenovo ThinkPad", ItemCategory.LAPTOP, "PF1KQ4B7", None, ""),
    ("LAP-03", "Portatīvais dators Lenovo ThinkPad", ItemCategory.LAPTOP, "PF1KQ4C2", None, ""),
    ("CAM-01", "Fotokamera Canon EOS", ItemCategory.CAMERA, "083052014517", None, ""),
    (XBOX, "Xbox One S", ItemCategory.CONSOLE, "024581683317", None, "Komplekts"),
    ("CTL-01", "Xbox bezvadu kontrolieris", ItemCategory.CONTROLLER, "", XBOX, ""),
    ("CTL-02", "Xbox bezvadu kontrolieris", ItemCategory.CONTROLLER, "", XBOX, ""),
    ("GAME-01", "Kinect Sports Rivals", ItemCategory.GAME, "", XBOX, ""),
    ("GAME-02", "Forza Horizon 4", ItemCategory.GAME, "", XBOX, ""),
    ("GAME-03", "Minecraft", ItemCategory.GAME, "", XBOX, ""),
    (
        "TAB-01",
        "Interaktīvais galds",
        ItemCategory.INTERACTIVE_TABLE,
        "IT55-18-0412",
        None,
        "Bērnu nodaļā; bērni uz tā paši atzīmējas.",
    ),
    ("TV-01", "3D televizors LG", ItemCategory.TV, "809RMXY51234", None, ""),
)
# Themes for the open session the demo puts on the day it runs.
TODAY_THEMES = (
    "Spēļu pēcpusdiena",
    "Lasām kopā",
    "Komiksu darbnīca",
    "Xbox turnīrs",
    "Radošā darbnīca",
)
