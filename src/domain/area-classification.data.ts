/**
 * The official classification of municipalities (kunnat) and wellbeing services counties (hyvinvointialueet), with
 * each municipality's county. Data only; `area.ts` parses and checks it.
 *
 * Sources (copied from these public files, never typed from memory):
 * - Municipality codes, Finnish names and each municipality's county code: Statistics Finland classifications
 *   kunta_1_20260101 and the correspondence kunta_1_20260101#hyvinvointialue_1_20260101, as generated on 2026-04-30 into
 *   github.com/Eerotuomenoksa/Aloitussivu, municipalRegistry.ts (commit 642e7754422c5c68a4a8820700a22a5ab6f010ac).
 *   308 municipalities, the same count as Statistics Finland's 2025 classification (kunta_1_20250101).
 * - County codes and names in Finnish and Swedish: Statistics Finland's hyvinvointialue classification as loaded by CSC
 *   into the Vipunen database (github: CSC-IT-Center-for-Science, VipunenTK_lisatiedot, table dbo.hyvinvointialue,
 *   source column "Tilastokeskus", dated 2023-05-10). Codes 90 (Helsinki) and 91 (Åland) are Statistics Finland's.
 * - Swedish municipality names: the national code list "kunta" (Opintopolku koodisto, from Statistics Finland) as
 *   exported into github.com/CSCfi/OKM-frontend-components, src/lib/components/02-organisms/CategoryFilter/storydata/kunnat.js
 *   (commit ea824d84a676a54e1f4e4ee3d2648ad1e0c56b40). An empty Swedish field means the source gives the same name in Swedish.
 */
export const CLASSIFICATION_SOURCE = {
  classification: 'kunta_1_20260101#hyvinvointialue_1_20260101',
  year: 2026,
  publisher: 'Statistics Finland (Tilastokeskus)',
} as const;

/** code, Finnish name, Swedish name, kind. Helsinki (90) is no county: the city itself organises social and health services; Åland (91) is outside the reform. */
export const AREAS_TSV = `
01	Itä-Uudenmaan hyvinvointialue	Östra Nylands välfärdsområde	county
02	Keski-Uudenmaan hyvinvointialue	Mellersta Nylands välfärdsområde	county
03	Länsi-Uudenmaan hyvinvointialue	Västra Nylands välfärdsområde	county
04	Vantaan ja Keravan hyvinvointialue	Vanda och Kervo välfärdsområde	county
05	Varsinais-Suomen hyvinvointialue	Egentliga Finlands välfärdsområde	county
06	Satakunnan hyvinvointialue	Satakunta välfärdsområde	county
07	Kanta-Hämeen hyvinvointialue	Egentliga Tavastlands välfärdsområde	county
08	Pirkanmaan hyvinvointialue	Birkalands välfärdsområde	county
09	Päijät-Hämeen hyvinvointialue	Päijänne-Tavastlands välfärdsområde	county
10	Kymenlaakson hyvinvointialue	Kymmenedalens välfärdsområde	county
11	Etelä-Karjalan hyvinvointialue	Södra Karelens välfärdsområde	county
12	Etelä-Savon hyvinvointialue	Södra Savolax välfärdsområde	county
13	Pohjois-Savon hyvinvointialue	Norra Savolax välfärdsområde	county
14	Pohjois-Karjalan hyvinvointialue	Norra Karelens välfärdsområde	county
15	Keski-Suomen hyvinvointialue	Mellersta Finlands välfärdsområde	county
16	Etelä-Pohjanmaan hyvinvointialue	Södra Österbottens välfärdsområde	county
17	Pohjanmaan hyvinvointialue	Österbottens välfärdsområde	county
18	Keski-Pohjanmaan hyvinvointialue	Mellersta Österbottens välfärdsområde	county
19	Pohjois-Pohjanmaan hyvinvointialue	Norra Österbottens välfärdsområde	county
20	Kainuun hyvinvointialue	Kajanalands välfärdsområde	county
21	Lapin hyvinvointialue	Lapplands välfärdsområde	county
90	Helsingin kaupunki	Helsingfors stad	helsinki
91	Ahvenanmaa	Åland	aland
`;

/** code, Finnish name, Swedish name (empty when the same), county code. */
export const MUNICIPALITIES_TSV = `
020	Akaa		08
005	Alajärvi		16
009	Alavieska		19
010	Alavus	Alavo	16
016	Asikkala		09
018	Askola		01
019	Aura		05
035	Brändö		91
043	Eckerö		91
046	Enonkoski		12
047	Enontekiö	Enontekis	21
049	Espoo	Esbo	03
050	Eura		06
051	Eurajoki	Euraåminne	06
052	Evijärvi		16
060	Finström		91
061	Forssa		07
062	Föglö		91
065	Geta		91
069	Haapajärvi		19
071	Haapavesi		19
072	Hailuoto	Karlö	19
074	Halsua		18
075	Hamina	Fredrikshamn	10
076	Hammarland		91
077	Hankasalmi		15
078	Hanko	Hangö	03
079	Harjavalta		06
081	Hartola		09
082	Hattula		07
086	Hausjärvi		07
111	Heinola		09
090	Heinävesi		14
091	Helsinki	Helsingfors	90
097	Hirvensalmi		12
098	Hollola		09
102	Huittinen		06
103	Humppila		07
105	Hyrynsalmi		20
106	Hyvinkää	Hyvinge	02
108	Hämeenkyrö	Tavastkyro	08
109	Hämeenlinna	Tavastehus	07
139	Ii		19
140	Iisalmi	Idensalmi	13
142	Iitti		09
143	Ikaalinen	Ikalis	08
145	Ilmajoki		16
146	Ilomantsi	Ilomants	14
153	Imatra		11
148	Inari	Enare	21
149	Inkoo	Ingå	03
151	Isojoki	Storå	16
152	Isokyrö	Storkyro	16
165	Janakkala		07
167	Joensuu		14
169	Jokioinen		07
170	Jomala		91
171	Joroinen	Jorois	13
172	Joutsa		15
176	Juuka		14
177	Juupajoki		08
178	Juva		12
179	Jyväskylä		15
181	Jämijärvi		06
182	Jämsä		15
186	Järvenpää	Träskända	02
202	Kaarina	St Karins	05
204	Kaavi		13
205	Kajaani	Kajana	20
208	Kalajoki		19
211	Kangasala		08
213	Kangasniemi		12
214	Kankaanpää		06
216	Kannonkoski		15
217	Kannus		18
218	Karijoki	Bötom	16
224	Karkkila	Högfors	03
226	Karstula		15
230	Karvia		06
231	Kaskinen	Kaskö	17
232	Kauhajoki		16
233	Kauhava		16
235	Kauniainen	Grankulla	03
236	Kaustinen	Kaustby	18
239	Keitele		13
240	Kemi		21
320	Kemijärvi		21
241	Keminmaa		21
322	Kemiönsaari	Kimitoön	05
244	Kempele		19
245	Kerava	Kervo	04
249	Keuruu		15
250	Kihniö		08
256	Kinnula		15
257	Kirkkonummi	Kyrkslätt	03
260	Kitee		14
261	Kittilä		21
263	Kiuruvesi		13
265	Kivijärvi		15
271	Kokemäki	Kumo	06
272	Kokkola	Karleby	18
273	Kolari		21
275	Konnevesi		15
276	Kontiolahti		14
280	Korsnäs		17
284	Koski Tl	Koski (Ål)	05
285	Kotka		10
286	Kouvola		10
287	Kristiinankaupunki	Kristinestad	17
288	Kruunupyy	Kronoby	17
290	Kuhmo		20
291	Kuhmoinen		08
295	Kumlinge		91
297	Kuopio		13
300	Kuortane		16
301	Kurikka		16
304	Kustavi	Gustavs	05
305	Kuusamo		19
312	Kyyjärvi		15
316	Kärkölä		09
317	Kärsämäki		19
318	Kökar		91
398	Lahti	Lahtis	09
399	Laihia		17
400	Laitila		05
407	Lapinjärvi	Lappträsk	01
402	Lapinlahti		13
403	Lappajärvi		16
405	Lappeenranta	Villmanstrand	11
408	Lapua	Lappo	16
410	Laukaa		15
416	Lemi		11
417	Lemland		91
418	Lempäälä		08
420	Leppävirta		13
421	Lestijärvi		18
422	Lieksa		14
423	Lieto	Lundo	05
425	Liminka	Limingo	19
426	Liperi		14
444	Lohja	Lojo	03
430	Loimaa		05
433	Loppi		07
434	Loviisa	Lovisa	01
435	Luhanka		15
436	Lumijoki		19
438	Lumparland		91
440	Luoto	Larsmo	17
441	Luumäki		11
475	Maalahti	Malax	17
478	Maarianhamina - Mariehamn	Mariehamn	91
480	Marttila		05
481	Masku		05
483	Merijärvi		19
484	Merikarvia	Sastmola	06
489	Miehikkälä		10
491	Mikkeli	St Michel	12
494	Muhos		19
495	Multia		15
498	Muonio		21
499	Mustasaari	Korsholm	17
500	Muurame		15
503	Mynämäki		05
504	Myrskylä	Mörskom	01
505	Mäntsälä		02
508	Mänttä-Vilppula		08
507	Mäntyharju		12
529	Naantali	Nådendal	05
531	Nakkila		06
535	Nivala		19
536	Nokia		08
538	Nousiainen	Nousis	05
541	Nurmes		14
543	Nurmijärvi		02
545	Närpiö	Närpes	17
560	Orimattila		09
561	Oripää		05
562	Orivesi		08
563	Oulainen		19
564	Oulu	Uleåborg	19
309	Outokumpu		14
576	Padasjoki		09
577	Paimio	Pemar	05
578	Paltamo		20
445	Parainen	Pargas	05
580	Parikkala		11
581	Parkano		08
599	Pedersören kunta	Pedersöre	17
583	Pelkosenniemi		21
854	Pello		21
584	Perho		18
592	Petäjävesi		15
593	Pieksämäki		12
595	Pielavesi		13
598	Pietarsaari	Jakobstad	17
601	Pihtipudas		15
604	Pirkkala	Birkala	08
607	Polvijärvi		14
608	Pomarkku	Påmark	06
609	Pori	Björneborg	06
611	Pornainen	Borgnäs	02
638	Porvoo	Borgå	01
614	Posio		21
615	Pudasjärvi		19
616	Pukkila		01
619	Punkalaidun		08
620	Puolanka		20
623	Puumala		12
624	Pyhtää	Pyttis	10
625	Pyhäjoki		19
626	Pyhäjärvi		19
630	Pyhäntä		19
631	Pyhäranta		05
635	Pälkäne		08
636	Pöytyä		05
678	Raahe	Brahestad	19
710	Raasepori	Raseborg	03
680	Raisio	Reso	05
681	Rantasalmi		12
683	Ranua		21
684	Rauma	Raumo	06
686	Rautalampi		13
687	Rautavaara		13
689	Rautjärvi		11
691	Reisjärvi		19
694	Riihimäki		07
697	Ristijärvi		20
698	Rovaniemi		21
700	Ruokolahti		11
702	Ruovesi		08
704	Rusko		05
707	Rääkkylä		14
729	Saarijärvi		15
732	Salla		21
734	Salo		05
736	Saltvik		91
790	Sastamala		08
738	Sauvo	Sagu	05
739	Savitaipale		11
740	Savonlinna	Nyslott	12
742	Savukoski		21
743	Seinäjoki		16
746	Sievi		19
747	Siikainen		06
748	Siikajoki		19
791	Siikalatva		19
749	Siilinjärvi		13
751	Simo		21
753	Sipoo	Sibbo	01
755	Siuntio	Sjundeå	03
758	Sodankylä		21
759	Soini		16
761	Somero		05
762	Sonkajärvi		13
765	Sotkamo		20
766	Sottunga		91
768	Sulkava		12
771	Sund		91
777	Suomussalmi		20
778	Suonenjoki		13
781	Sysmä		09
783	Säkylä		06
831	Taipalsaari		11
832	Taivalkoski		19
833	Taivassalo	Tövsala	05
834	Tammela		07
837	Tampere	Tammerfors	08
844	Tervo		13
845	Tervola		21
846	Teuva	Östermark	16
848	Tohmajärvi		14
849	Toholampi		18
850	Toivakka		15
851	Tornio	Torneå	21
853	Turku	Åbo	05
857	Tuusniemi		13
858	Tuusula	Tusby	02
859	Tyrnävä		19
886	Ulvila	Ulvsby	06
887	Urjala		08
889	Utajärvi		19
890	Utsjoki		21
892	Uurainen		15
893	Uusikaarlepyy	Nykarleby	17
895	Uusikaupunki	Nystad	05
785	Vaala		19
905	Vaasa	Vasa	17
908	Valkeakoski		08
092	Vantaa	Vanda	04
915	Varkaus		13
918	Vehmaa		05
921	Vesanto		13
922	Vesilahti		08
924	Veteli	Vetil	18
925	Vieremä		13
927	Vihti	Vichtis	03
931	Viitasaari		15
934	Vimpeli	Vindala	16
935	Virolahti		10
936	Virrat	Virdois	08
941	Vårdö		91
946	Vöyri	Vörå	17
976	Ylitornio	Övertorneå	21
977	Ylivieska		19
980	Ylöjärvi		08
981	Ypäjä		07
989	Ähtäri	Etseri	16
992	Äänekoski		15
`;
