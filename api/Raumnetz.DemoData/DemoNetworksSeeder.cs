using Dapper;
using MediatR;
using Raumnetz.Application.Actors;
using Raumnetz.Application.Common;
using Raumnetz.Application.Meetings;
using Raumnetz.Application.Networks;
using Raumnetz.Application.Spaces;
using Raumnetz.Application.Tasks;
using Raumnetz.Domain.Actors;
using Raumnetz.Domain.Networks;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.DemoData;

/// <summary>Whether the networks were seeded, and how many networks, meetings and agreements were created.</summary>
public sealed record SeedDemoNetworksResult(bool Seeded, int Networks, int Meetings, int Agreements);

/// <summary>
/// Demo networks from the users' own minutes (shared/seeds): the Teltow steering round with its focus groups
/// (education; culture and leisure) and the social-space conference, the regional coordination of
/// Potsdam-Mittelmark, the Dortmund job centre boards (owners' assembly, advisory board, owners' committee), the
/// AG Soziales of the Kompetenzzentrum Großsiedlungen (every three to four months, with minutes and agreements) and
/// the Saxon workshop "Kooperation mit Plan" with its Verabredungen. Does nothing when any network exists.
/// <para>Spaces are found by code and actors by name (as the demo data set creates them); missing ones are created
/// here through the same commands, actors with just a kind, type, sector and space. Organisations and roles only: no
/// real people's names.</para>
/// <para>Dates of Teltow and Dortmund are relative to today so health looks current (one focus group with an overdue
/// agreement, the advisory board with low attendance); AG Soziales and Meißen keep their 2012 dates and so show up
/// as "meeting overdue" in the attention list.</para>
/// <para>One instance per run (it counts what it creates).</para>
/// </summary>
public sealed class DemoNetworksSeeder(IDbConnectionFactory db, IMediator mediator, TimeProvider clock)
{
    private int networks, meetings, agreements;

    public async Task<SeedDemoNetworksResult> SeedAsync(CancellationToken ct)
    {
        await using (var connection = await db.OpenAsync(ct))
        {
            if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM networks") > 0) return new(false, 0, 0, 0);
        }
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        DateTimeOffset At(int daysFromToday, int hourUtc)
            => new DateTimeOffset(today.AddDays(daysFromToday).ToDateTime(new TimeOnly(hourUtc, 0)), TimeSpan.Zero);

        // ---- Spaces ----
        var brandenburg = await SpaceAsync("12", "Brandenburg", SpaceLevel.State, null, ct);
        var pm = await SpaceAsync("12069", "Landkreis Potsdam-Mittelmark", SpaceLevel.County, brandenburg, ct);
        var pr1 = await SpaceAsync("12069-PR1", "Planungsregion Teltow, Kleinmachnow, Stahnsdorf", SpaceLevel.PlanningRegion, pm, ct);
        var teltow = await SpaceAsync("12069616", "Teltow", SpaceLevel.Municipality, pr1, ct);
        var nrw = await SpaceAsync("05", "Nordrhein-Westfalen", SpaceLevel.State, null, ct);
        var dortmund = await SpaceAsync("05913", "Dortmund", SpaceLevel.County, nrw, ct);
        var berlin = await SpaceAsync("11", "Berlin", SpaceLevel.State, null, ct);
        var sachsen = await SpaceAsync("14", "Sachsen", SpaceLevel.State, null, ct);

        // ---- Actors (found by name, created when missing) ----
        var stadtTeltow = await ActorAsync("Stadt Teltow", "Public", "public-authority", ct, teltow);
        var buergermeister = await ActorAsync("Bürgermeister der Stadt Teltow", "Public", "person", ct, teltow, person: true);
        var regionalkoordination = await ActorAsync("Regionalkoordination Potsdam-Mittelmark", "Public", "public-authority", ct, pm);
        var sozialcontrolling = await ActorAsync("Landkreis Potsdam-Mittelmark, Strategisches und operatives Sozialcontrolling", "Public",
            "public-authority", ct, pm);
        var stadtplanung = await ActorAsync("Stadtplanung Teltow", "Public", "public-authority", ct, teltow);
        var kaemmerei = await ActorAsync("Kämmerei der Stadt Teltow", "Public", "public-authority", ct, teltow);
        var jugendamtPm = await ActorAsync("Jugendamt Potsdam-Mittelmark", "Public", "youth-office", ct, pm);
        var grundschule = await ActorAsync("Grundschule Teltow", "Public", "school", ct, teltow);
        var kita = await ActorAsync("Kita Teltow (freier Träger)", "CivilSociety", "daycare", ct, teltow);
        var jugendclub = await ActorAsync("Jugendclub Teltow e.V.", "CivilSociety", "association", ct, teltow);
        var musikschule = await ActorAsync("Musikschule Teltow", "Public", "school", ct, teltow);
        var heimatverein = await ActorAsync("Heimatverein Teltow e.V.", "CivilSociety", "association", ct, teltow);
        var bewohner = await ActorAsync("Bewohnerinitiative Teltow", "CivilSociety", "citizen-initiative", ct, teltow);
        var kirche = await ActorAsync("Evangelische Kirchengemeinde Teltow", "CivilSociety", "church", ct, teltow);
        var wohnungen = await ActorAsync("Wohnungsgesellschaft Teltow", "PrivateEconomy", "housing-company", ct, teltow);
        var jobcenterPm = await ActorAsync("Jobcenter Potsdam-Mittelmark", "Public", "job-centre", ct, pm);

        var stadtDortmund = await ActorAsync("Stadt Dortmund", "Public", "public-authority", ct, dortmund);
        var agentur = await ActorAsync("Agentur für Arbeit Dortmund", "Public", "public-authority", ct, dortmund);
        var arge = await ActorAsync("ARGE Dortmund (Jobcenter)", "Public", "job-centre", ct, dortmund);
        var jugendamtDo = await ActorAsync("Jugendamt Dortmund", "Public", "youth-office", ct, dortmund);
        var sozialamtDo = await ActorAsync("Sozialamt Dortmund", "Public", "social-office", ct, dortmund);
        var ratDo = await ActorAsync("Rat der Stadt Dortmund", "Public", "public-authority", ct, dortmund);
        var wohlfahrt = await ActorAsync("Arbeitsgemeinschaft der Wohlfahrtsverbände Dortmund", "CivilSociety", "welfare-association", ct,
            dortmund);
        var ihk = await ActorAsync("IHK zu Dortmund", "PrivateEconomy", "chamber", ct, dortmund);
        var hwk = await ActorAsync("Handwerkskammer Dortmund", "PrivateEconomy", "chamber", ct, dortmund);
        var dgb = await ActorAsync("DGB Region Dortmund", "CivilSociety", "association", ct, dortmund);

        var kompetenzzentrum = await ActorAsync("Kompetenzzentrum Großsiedlungen e.V.", "CivilSociety", "association", ct, berlin);
        var deutscherVerein = await ActorAsync("Deutscher Verein für öffentliche und private Fürsorge e.V.", "CivilSociety", "association",
            ct, berlin);
        var wohnungsverband = await ActorAsync("Verband der Wohnungswirtschaft (Mitglied im Kompetenzzentrum)", "PrivateEconomy",
            "housing-company", ct, berlin);
        var quartiersmanagement = await ActorAsync("Quartiersmanagement Berlin-Marzahn", "CivilSociety", "association", ct, berlin);
        var liga = await ActorAsync("Liga der Freien Wohlfahrtspflege Sachsen", "CivilSociety", "welfare-association", ct, sachsen);
        var landkreisMeissen = await ActorAsync("Landkreis Meißen, Sozialplanung", "Public", "public-authority", ct, sachsen);
        var kommunalerVerband = await ActorAsync("Kommunaler Sozialverband Sachsen", "Public", "social-office", ct, sachsen);

        // ---- Potsdam-Mittelmark and Teltow ----
        var regional = await NetworkAsync(new CreateNetworkCommand
        {
            Name = "Regionalkoordination Potsdam-Mittelmark – Runde der Planungsregionen", Kind = NetworkKind.Committee,
            Mandate = "Stimmt die Sozialraumorientierung der vier Planungsregionen des Landkreises ab, bündelt Bedarfe aus den " +
                "Lenkrunden und bringt sie in die Sozial- und Jugendhilfeplanung des Kreises ein.",
            MandatedBy = "Kreistag Potsdam-Mittelmark", LegitimationNote = "Regionalkoordination in vier Planungsregionen",
            Functions = [NetworkFunction.Coordination],
            Goals = ["Flächendeckende Sozialraumorientierung in allen vier Planungsregionen",
                "Kreisplanung mit den Erfahrungen vor Ort verbinden"],
            StartedOn = today.AddYears(-4), CadenceInterval = 6, CadenceUnit = CadenceUnit.Months, CoordinatorActorId = sozialcontrolling,
            SpaceIds = [pm],
        }, ct);
        var konferenz = await NetworkAsync(new CreateNetworkCommand
        {
            Name = "Sozialraumkonferenz Teltow", Kind = NetworkKind.SocialSpaceConference,
            Mandate = "Offenes Forum für alle Akteure und Bewohner*innen: Ergebnisse der Lenkrunde und der Fokusgruppen vorstellen, " +
                "Bedarfe sammeln, Beteiligung ermöglichen.",
            MandatedBy = "Stadt Teltow", Functions = [NetworkFunction.Negotiation], StartedOn = today.AddYears(-3),
            CadenceInterval = 12, CadenceUnit = CadenceUnit.Months, CoordinatorActorId = stadtTeltow, SpaceIds = [teltow],
        }, ct);
        var lenkrunde = await NetworkAsync(new CreateNetworkCommand
        {
            Name = "Lenkrunde Sozialraum Teltow", Kind = NetworkKind.SteeringGroup,
            Mandate = "Berät und plant bereichs- und ressortübergreifend für den Sozialraum Teltow: bündelt die Ergebnisse der " +
                "Fokusgruppen, entscheidet über Projekte (Aktionstage, Bürgerbeteiligung, Förder- und Ferienprogramme) und ihre " +
                "Finanzierung.",
            MandatedBy = "Stadtverordnetenversammlung Teltow", MandatedOn = today.AddYears(-3).AddDays(-20),
            LegitimationNote = "Pilotprojekt Sozialraumorientierung mit dem Landkreis",
            Functions = [NetworkFunction.Negotiation, NetworkFunction.Coordination],
            Goals = ["Problemlagen bereichsübergreifend betrachten", "Fach- und ressortübergreifend denken und handeln",
                "Nähe zu den Menschen im Sozialraum"],
            StartedOn = today.AddYears(-3), CadenceInterval = 3, CadenceUnit = CadenceUnit.Months, CoordinatorActorId = stadtTeltow,
            SpaceIds = [teltow],
            Links = [new NetworkLinkInput { TargetNetworkId = regional, Type = NetworkLinkType.ReportsTo },
                new NetworkLinkInput { TargetNetworkId = konferenz, Type = NetworkLinkType.ReportsTo }],
        }, ct);
        var bildung = await NetworkAsync(new CreateNetworkCommand
        {
            Name = "Fokusgruppe Bildung Teltow", Kind = NetworkKind.FocusGroup,
            Mandate = "Expert*innen, Ehrenamtliche und Eltern arbeiten an Übergängen Kita–Schule–Ausbildung und an Bildungsangeboten im " +
                "Sozialraum; entsendet Vertreter*innen in die Lenkrunde.",
            MandatedBy = "Lenkrunde Sozialraum Teltow", Functions = [NetworkFunction.Implementation],
            Goals = ["Übergänge Kita–Grundschule begleiten", "Ferienprogramm mit den Schulen planen"],
            StartedOn = today.AddYears(-3).AddMonths(2), CadenceInterval = 2, CadenceUnit = CadenceUnit.Months,
            CoordinatorActorId = grundschule, SpaceIds = [teltow],
            Links = [new NetworkLinkInput { TargetNetworkId = lenkrunde, Type = NetworkLinkType.DelegatesTo,
                    Note = "zwei Vertreter*innen" }],
        }, ct);
        var kultur = await NetworkAsync(new CreateNetworkCommand
        {
            Name = "Fokusgruppe Kultur & Freizeit Teltow", Kind = NetworkKind.FocusGroup,
            Mandate = "Vereine, Kirchengemeinde, Jugendclub und Bewohner*innen gestalten Kultur- und Freizeitangebote und Aktionstage; " +
                "entsenden Vertreter*innen in die Lenkrunde.",
            MandatedBy = "Lenkrunde Sozialraum Teltow", Functions = [NetworkFunction.Implementation],
            Goals = ["Aktionstag im Sommer ausrichten", "Angebote für Jugendliche am Wochenende"],
            StartedOn = today.AddYears(-3).AddMonths(2), CadenceInterval = 2, CadenceUnit = CadenceUnit.Months,
            CoordinatorActorId = jugendclub, SpaceIds = [teltow],
            Links = [new NetworkLinkInput { TargetNetworkId = lenkrunde, Type = NetworkLinkType.DelegatesTo }],
        }, ct);

        var since = today.AddYears(-3);
        var lBm = await MemberAsync(lenkrunde, buergermeister, MemberRole.Coordinator, since, ct);
        var lRk = await MemberAsync(lenkrunde, regionalkoordination, MemberRole.Member, since, ct);
        var lSp = await MemberAsync(lenkrunde, stadtplanung, MemberRole.Member, since, ct);
        var lKa = await MemberAsync(lenkrunde, kaemmerei, MemberRole.Member, since, ct);
        var lJa = await MemberAsync(lenkrunde, jugendamtPm, MemberRole.Advisor, since, ct);
        var lGs = await MemberAsync(lenkrunde, grundschule, MemberRole.Delegate, since.AddMonths(3), ct, bildung);
        var lJc = await MemberAsync(lenkrunde, jugendclub, MemberRole.Delegate, since.AddMonths(3), ct, kultur);
        await MemberAsync(lenkrunde, jobcenterPm, MemberRole.Guest, since, ct, validTo: since.AddYears(1));
        var bGs = await MemberAsync(bildung, grundschule, MemberRole.Coordinator, since.AddMonths(2), ct);
        var bKi = await MemberAsync(bildung, kita, MemberRole.Member, since.AddMonths(2), ct);
        var bJa = await MemberAsync(bildung, jugendamtPm, MemberRole.Member, since.AddMonths(2), ct);
        var bBw = await MemberAsync(bildung, bewohner, MemberRole.Member, since.AddMonths(2), ct);
        var kJc = await MemberAsync(kultur, jugendclub, MemberRole.Coordinator, since.AddMonths(2), ct);
        var kMs = await MemberAsync(kultur, musikschule, MemberRole.Member, since.AddMonths(2), ct);
        var kHv = await MemberAsync(kultur, heimatverein, MemberRole.Member, since.AddMonths(2), ct);
        var kKi = await MemberAsync(kultur, kirche, MemberRole.Member, since.AddMonths(2), ct);
        await MemberAsync(kultur, wohnungen, MemberRole.Guest, since.AddMonths(8), ct);
        await MemberAsync(regional, sozialcontrolling, MemberRole.Coordinator, since.AddYears(-1), ct);
        await MemberAsync(regional, regionalkoordination, MemberRole.Member, since.AddYears(-1), ct);
        await MemberAsync(regional, stadtTeltow, MemberRole.Delegate, since, ct, lenkrunde);
        foreach (var actor in new[] { stadtTeltow, grundschule, kita, jugendclub, heimatverein, bewohner, kirche, wohnungen })
            await MemberAsync(konferenz, actor, MemberRole.Member, since, ct);

        var lenkrundeLast = await MeetingAsync(lenkrunde, new CreateMeetingCommand
        {
            Title = "Lenkrunde", StartsAt = At(-35, 15), EndsAt = At(-35, 17), Location = "Rathaus Teltow, Sitzungssaal",
            Agenda = "1. Berichte aus den Fokusgruppen\n2. Aktionstag: Finanzierung\n3. Ferienprogramm\n4. Verschiedenes",
            Minutes = "## Berichte\nDie Fokusgruppe Bildung stellt den Stand der Übergangsbegleitung vor; die Fokusgruppe Kultur & " +
                "Freizeit plant den Aktionstag.\n\n## Aktionstag\nDie Finanzierung wird aus dem Verfügungsfonds gesichert.",
            Decisions = ["Der Aktionstag wird aus dem Verfügungsfonds finanziert.",
                "Das Ferienprogramm wird gemeinsam mit den Schulen beworben."],
            Attendance = Attend((lBm, Attendance.Present), (lRk, Attendance.Present), (lSp, Attendance.Present), (lKa, Attendance.Excused),
                (lJa, Attendance.Present), (lGs, Attendance.Present), (lJc, Attendance.Present)),
        }, ct);
        await MeetingAsync(lenkrunde, new CreateMeetingCommand
        {
            Title = "Lenkrunde", StartsAt = At(-125, 15), EndsAt = At(-125, 17), Location = "Rathaus Teltow, Sitzungssaal",
            Agenda = "1. Sozialraumkonferenz auswerten\n2. Themen der Fokusgruppen",
            Minutes = "Auswertung der Sozialraumkonferenz; neue Themen gesammelt.",
            Attendance = Attend((lBm, Attendance.Present), (lRk, Attendance.Excused), (lSp, Attendance.Present), (lKa, Attendance.Present),
                (lGs, Attendance.Present), (lJc, Attendance.Absent)),
        }, ct);
        await MeetingAsync(lenkrunde,
            new CreateMeetingCommand { Title = "Lenkrunde", StartsAt = At(55, 15), EndsAt = At(55, 17),
                Location = "Rathaus Teltow, Sitzungssaal", Agenda = "1. Aktionstag auswerten\n2. Haushalt des kommenden Jahres" }, ct);
        await TaskAsync(lenkrunde, lenkrundeLast, "Antrag Verfügungsfonds für den Aktionstag stellen", [kaemmerei, stadtplanung],
            today.AddDays(14), AgreementStatus.InProgress, null, ct);
        await TaskAsync(lenkrunde, lenkrundeLast, "Ferienprogramm an allen Schulen bewerben", [grundschule], today.AddDays(30),
            AgreementStatus.Open, null, ct);

        var bildungLast = await MeetingAsync(bildung, new CreateMeetingCommand
        {
            Title = "Fokusgruppe Bildung", StartsAt = At(-20, 14), EndsAt = At(-20, 16), Location = "Grundschule Teltow, Aula",
            Agenda = "1. Übergang Kita–Grundschule\n2. Bericht aus der Lenkrunde",
            Decisions = ["Hospitationstage der Kitas in der Grundschule im Frühjahr."],
            Attendance = Attend((bGs, Attendance.Present), (bKi, Attendance.Present), (bJa, Attendance.Excused), (bBw, Attendance.Present)),
        }, ct);
        await MeetingAsync(bildung,
            new CreateMeetingCommand { Title = "Fokusgruppe Bildung", StartsAt = At(40, 14), EndsAt = At(40, 16),
                Location = "Grundschule Teltow, Aula" }, ct);
        await TaskAsync(bildung, bildungLast, "Hospitationstage mit den Kitas vereinbaren", [grundschule, kita], today.AddDays(45),
            AgreementStatus.Open, null, ct);

        var kulturLast = await MeetingAsync(kultur, new CreateMeetingCommand
        {
            Title = "Fokusgruppe Kultur & Freizeit", StartsAt = At(-50, 16), EndsAt = At(-50, 18), Location = "Jugendclub Teltow",
            Agenda = "1. Aktionstag: Programm\n2. Wochenendangebote für Jugendliche",
            Attendance = Attend((kJc, Attendance.Present), (kMs, Attendance.Present), (kHv, Attendance.Absent), (kKi, Attendance.Present)),
        }, ct);
        await TaskAsync(kultur, kulturLast, "Programm des Aktionstags an die Lenkrunde melden", [jugendclub], today.AddDays(-7),
            AgreementStatus.Open, null, ct);
        await TaskAsync(kultur, kulturLast, "Räume für Wochenendangebote klären", [kirche, heimatverein], today.AddDays(-30),
            AgreementStatus.Done, "Gemeindehaus samstags nutzbar.", ct);
        await MeetingAsync(konferenz, new CreateMeetingCommand
        {
            Title = "Sozialraumkonferenz", StartsAt = At(-150, 16), EndsAt = At(-150, 19), Location = "Stadthalle Teltow",
            Agenda = "Ergebnisse der Fokusgruppen, Marktplatz der Angebote, Beteiligungswerkstatt",
        }, ct);
        await MeetingAsync(regional,
            new CreateMeetingCommand { Title = "Runde der Planungsregionen", StartsAt = At(-90, 9), EndsAt = At(-90, 12),
                Location = "Kreisverwaltung Bad Belzig" }, ct);

        // ---- Dortmund: the job centre's boards ----
        var traegerversammlung = await NetworkAsync(new CreateNetworkCommand
        {
            Name = "Trägerversammlung Jobcenter Dortmund", Kind = NetworkKind.Committee,
            Mandate = "Entscheidet als Organ der gemeinsamen Einrichtung über Organisation, Personal und Haushalt; zwingt zur " +
                "Zusammenarbeit und verbindet Sozialraumpolitik mit Arbeitsmarktpolitik.",
            MandatedBy = "SGB II (§ 44c), Stadt Dortmund und Agentur für Arbeit", Functions = [NetworkFunction.Negotiation],
            StartedOn = today.AddYears(-6), CadenceInterval = 3, CadenceUnit = CadenceUnit.Months, CoordinatorActorId = arge,
            SpaceIds = [dortmund],
        }, ct);
        var beirat = await NetworkAsync(new CreateNetworkCommand
        {
            Name = "Beirat Jobcenter Dortmund", Kind = NetworkKind.AdvisoryBoard,
            Mandate = "Stiftet Konsens über den Einsatz der arbeitsmarktpolitischen Instrumente mit den kommunalen Beteiligten, den " +
                "Kammern, Gewerkschaften und Wohlfahrtsverbänden.",
            MandatedBy = "Trägerversammlung Jobcenter Dortmund", Functions = [NetworkFunction.Negotiation, NetworkFunction.Coordination],
            StartedOn = today.AddYears(-6), CadenceInterval = 4, CadenceUnit = CadenceUnit.Months, CoordinatorActorId = arge,
            SpaceIds = [dortmund],
            Links = [new NetworkLinkInput { TargetNetworkId = traegerversammlung, Type = NetworkLinkType.ReportsTo }],
        }, ct);
        await NetworkAsync(new CreateNetworkCommand
        {
            Name = "Trägerausschuss Dortmund", Kind = NetworkKind.Committee,
            Mandate = "Politisches Gremium, das die Kommunalpolitik stärker im Jobcenter verankert; berät die Trägerversammlung.",
            MandatedBy = "Rat der Stadt Dortmund", Functions = [NetworkFunction.Negotiation], StartedOn = today.AddYears(-2),
            CadenceInterval = 6, CadenceUnit = CadenceUnit.Months, CoordinatorActorId = ratDo, SpaceIds = [dortmund],
            Links = [new NetworkLinkInput { TargetNetworkId = traegerversammlung, Type = NetworkLinkType.ReportsTo }],
        }, ct);
        var tvStadt = await MemberAsync(traegerversammlung, stadtDortmund, MemberRole.Member, today.AddYears(-6), ct);
        var tvAgentur = await MemberAsync(traegerversammlung, agentur, MemberRole.Member, today.AddYears(-6), ct);
        await MemberAsync(traegerversammlung, arge, MemberRole.Coordinator, today.AddYears(-6), ct);
        var bArge = await MemberAsync(beirat, arge, MemberRole.Coordinator, today.AddYears(-6), ct);
        var bWf = await MemberAsync(beirat, wohlfahrt, MemberRole.Member, today.AddYears(-6), ct);
        var bIhk = await MemberAsync(beirat, ihk, MemberRole.Member, today.AddYears(-6), ct);
        var bHwk = await MemberAsync(beirat, hwk, MemberRole.Member, today.AddYears(-6), ct);
        var bDgb = await MemberAsync(beirat, dgb, MemberRole.Member, today.AddYears(-6), ct);
        var beiratJa = await MemberAsync(beirat, jugendamtDo, MemberRole.Advisor, today.AddYears(-6), ct);
        await MemberAsync(beirat, sozialamtDo, MemberRole.Advisor, today.AddYears(-6), ct);
        await MeetingAsync(traegerversammlung, new CreateMeetingCommand
        {
            StartsAt = At(-60, 8), EndsAt = At(-60, 10), Location = "Jobcenter Dortmund",
            Agenda = "Eingliederungsbudget, Arbeitsmarktprogramm",
            Attendance = Attend((tvStadt, Attendance.Present), (tvAgentur, Attendance.Present)),
            Decisions = ["Arbeitsmarktprogramm für das kommende Jahr beschlossen."],
        }, ct);
        var beiratLast = await MeetingAsync(beirat, new CreateMeetingCommand
        {
            StartsAt = At(-45, 12), EndsAt = At(-45, 14), Location = "Jobcenter Dortmund",
            Agenda = "Arbeitsgelegenheiten für Jugendliche in den drei Sozialräumen mit besonderem Erneuerungsbedarf",
            Attendance = Attend((bArge, Attendance.Present), (bWf, Attendance.Absent), (bIhk, Attendance.Excused),
                (bHwk, Attendance.Absent), (bDgb, Attendance.Absent), (beiratJa, Attendance.Present)),
        }, ct);
        await TaskAsync(beirat, beiratLast, "Übersicht der Arbeitsgelegenheiten nach Sozialräumen vorlegen", [arge], today.AddDays(20),
            AgreementStatus.InProgress, null, ct);

        // ---- AG Soziales, Kompetenzzentrum Großsiedlungen (minutes of 2 May 2012) ----
        var ag = await NetworkAsync(new CreateNetworkCommand
        {
            Name = "AG Soziales (Kompetenzzentrum Großsiedlungen)", Kind = NetworkKind.WorkingGroup,
            Mandate = "Fachlicher Austausch und konzeptionelle Bearbeitung der sozialen Fragen in Großsiedlungen: eine Position des " +
                "Kompetenzzentrums erarbeiten, Ziele definieren und daraus Operationalisierungen ableiten.",
            MandatedBy = "Kompetenzzentrum Großsiedlungen e.V.", MandatedOn = new DateOnly(2012, 5, 2),
            LegitimationNote = "Auftaktsitzung 2. Mai 2012; trifft sich alle drei bis vier Monate.",
            Functions = [NetworkFunction.Coordination, NetworkFunction.Implementation],
            Goals = ["Ökonomische und ökologische Fragen mit sozialer Vertretbarkeit zusammenführen",
                "Soziale Mischung, Attraktivität und soziale Stabilität steigern",
                "Positionspapier unter Berücksichtigung der Positionen der Verbände erarbeiten",
                "Instrumente und Best Practices für unterschiedliche Sozialräume sammeln"],
            StartedOn = new DateOnly(2012, 5, 2), CadenceInterval = 3, CadenceUnit = CadenceUnit.Months,
            CoordinatorActorId = kompetenzzentrum, SpaceIds = [berlin],
        }, ct);
        var agFrom = new DateOnly(2012, 5, 2);
        var agK = await MemberAsync(ag, kompetenzzentrum, MemberRole.Coordinator, agFrom, ct);
        var agD = await MemberAsync(ag, deutscherVerein, MemberRole.Member, agFrom, ct);
        var agW = await MemberAsync(ag, wohnungsverband, MemberRole.Member, agFrom, ct);
        var agQ = await MemberAsync(ag, quartiersmanagement, MemberRole.Member, agFrom, ct);
        var berlinSummer = TimeSpan.FromHours(2);
        var first = await MeetingAsync(ag, new CreateMeetingCommand
        {
            Title = "1. Sitzung", StartsAt = new DateTimeOffset(2012, 5, 2, 15, 0, 0, berlinSummer),
            EndsAt = new DateTimeOffset(2012, 5, 2, 17, 0, 0, berlinSummer),
            Location = "Deutscher Verein, Littenstraße, Berlin",
            Agenda = "1. Begrüßung und Vorstellungsrunde: Erwartungen an eine AG Soziales\n2. Arbeitsweise und Arbeitsabfolge\n3. Termine",
            Minutes = "# AG Soziales – 1. Sitzung am 2. Mai 2012\n"
                + "\n"
                + "Die Anwesenden stellen sich vor und nennen ihre Erwartungen an eine AG Soziales im Kompetenzzentrum.\n"
                + "Es gibt **Kommunikations- und Arbeitsbedarf auf mehreren Ebenen**: fachlicher Austausch zu konkreten Dingen,\n"
                + "konzeptionelle Bearbeitung von Aufgaben, Fragestellungen und Handlungsbedarfen, und eine Positionierung des\n"
                + "Kompetenzzentrums mit Zielen und Operationalisierungen.\n"
                + "\n"
                + "## Leitende Aspekte\n"
                + "- Zusammenführung der ökonomischen und ökologischen Fragen mit sozialer Vertretbarkeit\n"
                + "- Oberziel: Verbesserung der sozialen Mischung, Attraktivität und sozialen Stabilität\n"
                + "\n"
                + "## Arbeitsabfolge nach dem Positionspapier\n"
                + "1. Ziel definieren und ausformulieren (Problemanalyse, daraus konkrete Handlungsansätze; Werkstatt-Veranstaltung wird " +
                    "diskutiert)\n"
                + "2. Instrumente und Best Practices sammeln – unabhängig vom spezifischen Sozialraum\n"
                + "\n"
                + "Andere deutsche Regionen werden berücksichtigt; ggf. wird auch an anderen Orten getagt.",
            Decisions = ["Die AG Soziales trifft sich alle drei bis vier Monate.",
                "Arbeitsabfolge: erst Ziel definieren, dann Instrumente und Best Practices sammeln.",
                "Nächster Termin: Montag, 18. Juni, 15 Uhr, Deutscher Verein in der Littenstraße."],
            Attendance = Attend((agK, Attendance.Present), (agD, Attendance.Present), (agW, Attendance.Present), (agQ, Attendance.Excused)),
        }, ct);
        await MeetingAsync(ag, new CreateMeetingCommand
        {
            Title = "2. Sitzung", StartsAt = new DateTimeOffset(2012, 6, 18, 15, 0, 0, berlinSummer),
            EndsAt = new DateTimeOffset(2012, 6, 18, 17, 0, 0, berlinSummer),
            Location = "Deutscher Verein, Littenstraße, Berlin",
            Agenda = "1. Entwurf der Zielformulierung\n2. Werkstatt-Veranstaltung: ja oder nein",
            Attendance = Attend((agK, Attendance.Present), (agD, Attendance.Present), (agW, Attendance.Absent), (agQ, Attendance.Present)),
        }, ct);
        await TaskAsync(ag, first, "Entwurf eines Positionspapiers unter Berücksichtigung der Verbandspositionen", [kompetenzzentrum],
            new DateOnly(2012, 6, 18), AgreementStatus.Done,
            "In der 2. Sitzung als Entwurf vorgestellt.", ct);
        await TaskAsync(ag, first, "Werkstatt-Veranstaltung zur Problemanalyse prüfen", [kompetenzzentrum, deutscherVerein],
            new DateOnly(2012, 9, 30), AgreementStatus.Open, null, ct);

        // ---- Saxony: workshop "Kooperation mit Plan vs. Parallelstruktur", Meißen, 3 May 2012 ----
        var gremium = await NetworkAsync(new CreateNetworkCommand
        {
            Name = "Gremium Kooperation mit Plan (Sachsen)", Kind = NetworkKind.WorkingGroup,
            Mandate = "Konkrete Eckpunkte für eine Konzeptarbeit zu integrierten Sozialzentren erarbeiten – als Kooperation mit Plan " +
                "statt Parallelstruktur.",
            MandatedBy = "Werkstatt-Tag Meißen", MandatedOn = new DateOnly(2012, 5, 3), Functions = [NetworkFunction.Coordination],
            StartedOn = new DateOnly(2012, 5, 3), CadenceInterval = 4, CadenceUnit = CadenceUnit.Months, CoordinatorActorId = liga,
            SpaceIds = [sachsen],
        }, ct);
        var gL = await MemberAsync(gremium, liga, MemberRole.Coordinator, new DateOnly(2012, 5, 3), ct);
        var gM = await MemberAsync(gremium, landkreisMeissen, MemberRole.Member, new DateOnly(2012, 5, 3), ct);
        var gK = await MemberAsync(gremium, kommunalerVerband, MemberRole.Member, new DateOnly(2012, 5, 3), ct);
        var werkstatt = await MeetingAsync(gremium, new CreateMeetingCommand
        {
            Title = "Werkstatt-Tag", StartsAt = new DateTimeOffset(2012, 5, 3, 10, 0, 0, berlinSummer),
            EndsAt = new DateTimeOffset(2012, 5, 3, 16, 0, 0, berlinSummer),
            Location = "Meißen",
            Agenda = "1. Begrüßung, Einführung\n2. Chancen und Befürchtungen\n3. Clustern: Inhalt, Qualität, Kooperation\n4. Rotierende " +
            "Arbeitsgruppen\n5. Verabredungen",
            Minutes = "## Chancen\nkurze Wege, Niederschwelligkeit, Alltagsansatz, Flächendeckung durch Kooperation verschiedener " +
                "Träger\n\n## Befürchtungen\nFinanzierung, Verwaltungsstrukturen, Machtkonzentration bei den Kommunen",
            Decisions = ["Nächster Termin im September, per Doodle abgestimmt.",
                "Modellprojekt Integriertes Sozialzentrum: Detailplanung verschoben, zuerst Grobkonzept für eine "
                + "flächendeckende Struktur."],
            Attendance = Attend((gL, Attendance.Present), (gM, Attendance.Present), (gK, Attendance.Present)),
        }, ct);
        await TaskAsync(gremium, werkstatt, "Nächsten Termin im September per Doodle organisieren; Einladungsliste ergänzen", [liga],
            new DateOnly(2012, 7, 31), AgreementStatus.Done, "Termin gefunden.", ct);
        await TaskAsync(gremium, werkstatt,
            "Bestandsaufnahme der sozialen Infrastruktur in Sachsen: Durchführung und Finanzierung eruieren",
            [liga, kommunalerVerband, landkreisMeissen],
            new DateOnly(2012, 9, 30), AgreementStatus.InProgress, null, ct);
        await TaskAsync(gremium, werkstatt, "Grobkonzept für eine flächendeckende Struktur integrierter Sozialzentren", [kommunalerVerband],
            null, AgreementStatus.Open, null, ct);

        return new SeedDemoNetworksResult(true, networks, meetings, agreements);
    }

    private static List<MeetingAttendanceInput> Attend(params (Guid MemberId, Attendance Attendance)[] entries) =>
        entries.Select(e => new MeetingAttendanceInput { MemberId = e.MemberId, Attendance = e.Attendance }).ToList();

    private async Task<Guid> SpaceAsync(string code, string name, SpaceLevel level, Guid? parentId, CancellationToken ct)
    {
        await using (var connection = await db.OpenAsync(ct))
        {
            if (await connection.QuerySingleOrDefaultAsync<Guid?>("SELECT id FROM spaces WHERE code = @code",
                    new { code }) is { } id) return id;
        }
        return (await mediator.Send(
                new CreateSpaceCommand { Code = code, Name = name, Level = level, ParentId = parentId,
                    ValidFrom = new DateOnly(2000, 1, 1) }, ct)).Id;
    }

    /// <summary>The actor with this name, or a new one with just a kind, type, sector and space (through CreateActorCommand).</summary>
    private async Task<Guid> ActorAsync(string name, string sector, string typeCode, CancellationToken ct, Guid? spaceId = null,
        bool person = false)
    {
        await using (var connection = await db.OpenAsync(ct))
        {
            var existing = await connection.QuerySingleOrDefaultAsync<Guid?>("SELECT id FROM actors WHERE name = @name", new { name });
            if (existing is { } id) return id;
        }
        return (await mediator.Send(new CreateActorCommand
        {
            Kind = person ? ActorKind.Person : ActorKind.Organisation, Name = name, Type = typeCode, Sector = Enum.Parse<Sector>(sector),
            SpaceIds = spaceId is { } space ? [space] : null,
        }, ct)).Id;
    }

    private async Task<Guid> NetworkAsync(CreateNetworkCommand command, CancellationToken ct)
    {
        networks++;
        return (await mediator.Send(command, ct)).Id;
    }

    private async Task<Guid> MemberAsync(Guid networkId, Guid actorId, MemberRole role, DateOnly from, CancellationToken ct,
        Guid? delegatedFrom = null, DateOnly? validTo = null) =>
        (await mediator.Send(new AddNetworkMemberCommand
            { NetworkId = networkId, ActorId = actorId, Role = role, ValidFrom = from, ValidTo = validTo,
                DelegatedFromNetworkId = delegatedFrom }, ct)).Id;

    private async Task<Guid> MeetingAsync(Guid networkId, CreateMeetingCommand command, CancellationToken ct)
    {
        meetings++;
        return (await mediator.Send(command with { NetworkId = networkId }, ct)).Id;
    }

    private async Task TaskAsync(Guid networkId, Guid? meetingId, string title, Guid[] responsibles, DateOnly? due, AgreementStatus status,
        string? outcome, CancellationToken ct)
    {
        agreements++;
        await mediator.Send(new CreateTaskCommand
        {
            NetworkId = networkId, MeetingId = meetingId, Title = title, ResponsibleActorIds = responsibles, DueDate = due, Status = status,
            Outcome = outcome,
        }, ct);
    }
}
