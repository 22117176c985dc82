using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Taxonomies;

namespace Raumnetz.Application.Services;

/// <summary>
/// Replaces the fields of a service; lists are replaced when given and kept when null. The verification columns are not
/// touched here (verifying is its own operation). <see cref="ExpectedVersion"/> comes from If-Match.
/// </summary>
public sealed record UpdateServiceCommand : ServiceFields, ICommand<ServiceDto>
{
    public UpdateServiceCommand() { }

    public UpdateServiceCommand(ServiceFields fields) : base(fields) { }

    public Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
}

public sealed class UpdateServiceValidator : ServiceFieldsValidator<UpdateServiceCommand>;

public sealed class UpdateServiceHandler(IUnitOfWork unitOfWork, ServiceReads reads, TaxonomyReads taxonomies, TimeProvider clock)
    : IRequestHandler<UpdateServiceCommand, ServiceDto>
{
    public async Task<ServiceDto> Handle(UpdateServiceCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "services", "Service", request.Id, request.ExpectedVersion);
        var refs = await ServiceStore.CheckAsync(connection, tx, unitOfWork.Dialect, taxonomies, request);
        var p = ServiceStore.Parameters(request);
        p.Add("id", request.Id);
        p.Add("version", version);
        p.Add("now", now);
        try
        {
            var rows = await connection.ExecuteAsync("""
                UPDATE services SET name = @name, search_key = @searchKey, alternate_name = @alternateName, description = @description,
                    url = @url, email = @email, status = @status, operator_actor_id = @operatorId,
                    interpretation_services = @interpretationServices, application_process = @applicationProcess,
                    fees_description = @feesDescription, is_free = @isFree, wait_time = @waitTime, accreditations = @accreditations,
                    licenses = @licenses, eligibility_description = @eligibilityDescription, minimum_age = @minimumAge,
                    maximum_age = @maximumAge, alert = @alert, program_name = @programName, program_alternate_name = @programAlternateName,
                    program_description = @programDescription, external_id = @externalId,
                    verification_interval_months = @verificationIntervalMonths, version = version + 1, updated_at = @now
                WHERE id = @id AND version = @version
                """, p, tx);
            Versioning.EnsureUpdated(rows, "Service", request.Id, version);
            await ServiceStore.ReplaceListsAsync(connection, tx, unitOfWork.Dialect, request.Id, request, refs, now);
        }
        catch (Exception e) when (unitOfWork.Dialect.IsUniqueViolation(e) || unitOfWork.Dialect.IsForeignKeyViolation(e))
        {
            throw ServiceStore.Conflict(e, unitOfWork.Dialect);
        }
        return (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
    }
}
