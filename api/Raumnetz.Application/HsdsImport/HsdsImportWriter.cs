using System.Data.Common;
using Dapper;
using Raumnetz.Application.Common;
using Raumnetz.Application.Fundings;
using Raumnetz.Application.Locations;
using Raumnetz.Application.Services;
using Raumnetz.Application.Taxonomies;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.HsdsImport;

/// <summary>
/// Writes checked HSDS records in the import's transaction with the inventory's own stores (<see cref="ServiceStore"/>,
/// <see cref="LocationStore"/>): each record is inserted under its id or, when it exists, updated (version raised).
/// </summary>
internal sealed class HsdsImportWriter(DbConnection connection, DbTransaction tx, ISqlDialect dialect, TaxonomyReads taxonomies,
    DateTimeOffset now, CancellationToken ct)
{
    private Task<long> Count(string sql, object args) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, args, tx, cancellationToken: ct));

    private Task<int> Run(string sql, object args) => connection.ExecuteAsync(new CommandDefinition(sql, args, tx, cancellationToken: ct));

    public async Task TaxonomyAsync(Guid id, string code, TaxonomyKind kind, string name, string? description, string? uri,
        string? version)
    {
        var args = new { id, code, kind = kind.ToString(), name, description, uri, version, now };
        if (await Count("SELECT COUNT(*) FROM taxonomies WHERE id = @id", args) > 0)
            await Run("""
                UPDATE taxonomies SET name = @name, description = @description, uri = @uri, version_label = @version,
                    version = version + 1, updated_at = @now WHERE id = @id
                """, args);
        else
            await Run("""
                INSERT INTO taxonomies (id, code, kind, name, description, uri, version_label, version, created_at, updated_at)
                VALUES (@id, @code, @kind, @name, @description, @uri, @version, 1, @now, @now)
                """, args);
    }

    public async Task TermAsync(Guid id, Guid taxonomyId, string code, string nameDe, string nameEn, string? description, Guid? parentId,
        string? termUri)
    {
        var args = new { id, taxonomyId, code, nameDe, nameEn, description, parentId, termUri, now };
        if (await Count("SELECT COUNT(*) FROM taxonomy_terms WHERE id = @id", args) > 0) return;
        await Run("""
            INSERT INTO taxonomy_terms (id, taxonomy_id, code, name_de, name_en, description, parent_id, term_uri, sort_order, archived_at,
                version, created_at, updated_at)
            VALUES (@id, @taxonomyId, @code, @nameDe, @nameEn, @description, @parentId, @termUri, 0, NULL, 1, @now, @now)
            """, args);
    }

    /// <summary>An organization as an actor of kind organisation: alternate_name is the short name, the first phone its phone;
    /// description and the fields the actor has no column for (tax_status, tax_id, year_incorporated, legal_status, logo, uri)
    /// are its notes, one "key: value" line each after the description.</summary>
    public async Task OrganizationAsync(Guid id, HsdsRow o, HsdsRecords records)
    {
        var parent = HsdsRecords.Reference(o, "parent_organization_id", "organizations");
        if (parent is not null
            && await Count("SELECT COUNT(*) FROM actors WHERE id = @parent AND kind = 'Organisation'", new { parent }) == 0)
            parent = null;
        // a parent neither in the file nor in the inventory is kept as a line of the notes
        var extras = Hsds.HsdsMapping.NoteFields.Where(k => o.Str(k) is not null && (k != "parent_organization_id" || parent is null))
            .Select(k => $"{k}: {o.Str(k)}");
        var notes = string.Join("\n", new[] { o.Str("description") }.OfType<string>().Concat(extras));
        var name = o.Str("name") ?? "";
        var args = new
        {
            id, name, shortName = o.Str("alternate_name"), searchKey = TextRules.SearchKey(name), email = o.Str("email"),
            phone = records.Phones("organization_id", o.Id).FirstOrDefault()?.Number, website = o.Str("website"),
            notes = notes.Length == 0 ? null : notes, parent, now,
        };
        if (await Count("SELECT COUNT(*) FROM actors WHERE id = @id", args) > 0)
            await Run("""
                UPDATE actors SET name = @name, short_name = @shortName, search_key = @searchKey, email = @email, phone = @phone,
                    website = @website, notes = @notes, version = version + 1, updated_at = @now
                WHERE id = @id
                """, args);
        else
            await Run("""
                INSERT INTO actors (id, kind, name, short_name, search_key, type_code, sector, parent_id, email, phone, website,
                    street, postal_code, city, notes, archived_at, version, created_at, updated_at)
                VALUES (@id, 'Organisation', @name, @shortName, @searchKey, 'other', 'CivilSociety', @parent, @email, @phone, @website,
                    NULL, NULL, NULL, @notes, NULL, 1, @now, @now)
                """, args);
    }

    public async Task LocationAsync(Guid id, CreateLocationCommand fields)
    {
        var (spaceId, source) = await LocationStore.CheckAndPlaceAsync(connection, tx, fields, DateOnly.FromDateTime(now.UtcDateTime));
        var p = LocationStore.Parameters(fields, spaceId, source);
        p.Add("id", id);
        p.Add("now", now);
        if (await Count("SELECT COUNT(*) FROM locations WHERE id = @id", new { id }) > 0)
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE locations SET name = @name, search_key = @searchKey, alternate_name = @alternateName, description = @description,
                    kind = @kind, url = @url, transportation = @transportation, latitude = @latitude, longitude = @longitude,
                    space_id = @spaceId, space_source = @spaceSource, owner_actor_id = @ownerActorId,
                    external_identifier = @externalIdentifier, external_identifier_type = @externalIdentifierType, external_id = @externalId,
                    step_free_access = @stepFreeAccess, accessible_toilet = @accessibleToilet, lift = @lift, hearing_loop = @hearingLoop,
                    accessibility_description = @accessibilityDescription, accessibility_details = @accessibilityDetails,
                    accessibility_url = @accessibilityUrl, valid_from = @validFrom, valid_to = @validTo, archived_at = NULL,
                    version = version + 1, updated_at = @now
                WHERE id = @id
                """, p, tx, cancellationToken: ct));
        else
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO locations (id, name, search_key, alternate_name, description, kind, url, transportation, latitude, longitude,
                    space_id, space_source, owner_actor_id, external_identifier, external_identifier_type, external_id, step_free_access,
                    accessible_toilet, lift, hearing_loop, accessibility_description, accessibility_details, accessibility_url,
                    valid_from, valid_to, archived_at, version, created_at, updated_at)
                VALUES (@id, @name, @searchKey, @alternateName, @description, @kind, @url, @transportation, @latitude, @longitude,
                    @spaceId, @spaceSource, @ownerActorId, @externalIdentifier, @externalIdentifierType, @externalId, @stepFreeAccess,
                    @accessibleToilet, @lift, @hearingLoop, @accessibilityDescription, @accessibilityDetails, @accessibilityUrl,
                    @validFrom, @validTo, NULL, 1, @now, @now)
                """, p, tx, cancellationToken: ct));
        await LocationStore.ReplaceListsAsync(connection, tx, dialect, id, fields);
    }

    public async Task ServiceAsync(Guid id, CreateServiceCommand fields, DateOnly? assuredOn, string? assurer)
    {
        var refs = await ServiceStore.CheckAsync(connection, tx, dialect, taxonomies, fields);
        var p = ServiceStore.Parameters(fields);
        p.Add("id", id);
        p.Add("now", now);
        p.Add("verifiedOn", assuredOn);
        p.Add("verifiedBy", assuredOn is null ? null : assurer is null ? "hsds-import" : $"hsds:{assurer}");
        if (await Count("SELECT COUNT(*) FROM services WHERE id = @id", new { id }) > 0)
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE services SET name = @name, search_key = @searchKey, alternate_name = @alternateName, description = @description,
                    url = @url, email = @email, status = @status, operator_actor_id = @operatorId,
                    interpretation_services = @interpretationServices, application_process = @applicationProcess,
                    fees_description = @feesDescription, is_free = @isFree, wait_time = @waitTime, accreditations = @accreditations,
                    licenses = @licenses, eligibility_description = @eligibilityDescription, minimum_age = @minimumAge,
                    maximum_age = @maximumAge, alert = @alert, program_name = @programName, program_alternate_name = @programAlternateName,
                    program_description = @programDescription, external_id = @externalId,
                    verification_interval_months = @verificationIntervalMonths, verified_on = COALESCE(@verifiedOn, verified_on),
                    verified_by = COALESCE(@verifiedBy, verified_by), archived_at = NULL, version = version + 1, updated_at = @now
                WHERE id = @id
                """, p, tx, cancellationToken: ct));
        else
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO services (id, name, search_key, alternate_name, description, url, email, status, operator_actor_id,
                    interpretation_services, application_process, fees_description, is_free, wait_time, accreditations, licenses,
                    eligibility_description, minimum_age, maximum_age, alert, program_name, program_alternate_name, program_description,
                    external_id, verified_on, verified_by, verification_interval_months, archived_at, version, created_at, updated_at)
                VALUES (@id, @name, @searchKey, @alternateName, @description, @url, @email, @status, @operatorId,
                    @interpretationServices, @applicationProcess, @feesDescription, @isFree, @waitTime, @accreditations, @licenses,
                    @eligibilityDescription, @minimumAge, @maximumAge, @alert, @programName, @programAlternateName, @programDescription,
                    @externalId, @verifiedOn, @verifiedBy, @verificationIntervalMonths, NULL, 1, @now, @now)
                """, p, tx, cancellationToken: ct));
        await ServiceStore.ReplaceListsAsync(connection, tx, dialect, id, fields, refs, now);
    }

    /// <summary>A funding from the profile, checked as the funding API checks it (the funder, the shares on every day, under a
    /// lock on the service); replaced when it exists.</summary>
    public async Task FundingAsync(Guid id, CreateFundingCommand fields)
    {
        var previous = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            "SELECT funder_actor_id FROM service_fundings WHERE id = @id", new { id }, tx, cancellationToken: ct));
        await FundingChecks.CheckAsync(connection, tx, dialect, id, fields, previous, ct);
        var p = new DynamicParameters(FundingChecks.Parameters(fields));
        p.Add("id", id);
        p.Add("now", now);
        await Run("DELETE FROM service_fundings WHERE id = @id", new { id });
        await Run("""
            INSERT INTO service_fundings (id, service_id, funder_actor_id, programme, amount_per_year, share_percent, starts_on, ends_on,
                renewal_status, note, version, created_at, updated_at)
            VALUES (@id, @ServiceId, @FunderActorId, @programme, @AmountPerYear, @SharePercent, @StartsOn, @EndsOn,
                @renewalStatus, @note, 1, @now, @now)
            """, p);
    }

    public async Task CapacityAsync(Guid id, Guid serviceId, Guid locationId, string unit, double maximum, double? available,
        DateOnly asOf, string? note)
    {
        var salId = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            "SELECT id FROM service_at_locations WHERE service_id = @serviceId AND location_id = @locationId",
            new { serviceId, locationId }, tx, cancellationToken: ct));
        if (salId is null) return;
        var args = new { id, salId, unit, maximum, available, asOf, note, now };
        if (await Count("SELECT COUNT(*) FROM capacity_entries WHERE service_at_location_id = @salId AND unit = @unit AND as_of = @asOf",
                args) > 0) return;
        await Run("""
            INSERT INTO capacity_entries (id, service_at_location_id, unit, maximum, available, as_of, note, recorded_by, created_at)
            VALUES (@id, @salId, @unit, @maximum, @available, @asOf, @note, 'hsds-import', @now)
            """, args);
    }
}
