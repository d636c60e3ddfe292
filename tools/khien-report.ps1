<#
.SYNOPSIS
  Collects a Windows machine's inventory facts and posts them to Khiên (POST /api/v1/endpoints/reports).

.DESCRIPTION
  For official computers that run no osquery agent. Collects the same facts as Khiên's osquery pack:
  OS (Win32_OperatingSystem), hardware UUID, addresses (Get-NetIPAddress / Get-NetAdapter), installed
  programs (registry uninstall keys; Win32_Product is avoided because querying it triggers MSI repairs),
  antivirus registered with Security Center (root/SecurityCenter2 AntiVirusProduct) and Microsoft Defender
  status (Get-MpComputerStatus), updates (Get-HotFix), USB storage history (USBSTOR registry), last Windows
  Server Backup success (event 4) and Internet reachability (Test-NetConnection). The body follows
  docs/api/endpoint-report.schema.json. Run as SYSTEM from a scheduled task, e.g. daily.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File khien-report.ps1 -Server https://khien.example.gov.vn -ApiKeyFile C:\ProgramData\Khien\api-key.txt
#>
[CmdletBinding()]
param(
  [Parameter(Mandatory = $true)][string]$Server,
  [Parameter(Mandatory = $true)][string]$ApiKeyFile,
  [string]$InternetProbe = 'www.msftconnecttest.com',
  [switch]$DryRun
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12

function Get-IsoTime([datetime]$t) { if ($t) { $t.ToString('yyyy-MM-ddTHH:mm:sszzz') } else { $null } }
function Get-IsoDate($t) { if ($t) { ([datetime]$t).ToString('yyyy-MM-dd') } else { $null } }

# Security Center packs the product state into one integer: byte 2 = enabled (0x10), byte 3 = 0x00 up to date
function Convert-ProductState([int]$state) {
  $hex = '{0:X6}' -f $state
  @{ enabled = ($hex.Substring(2, 2) -eq '10' -or $hex.Substring(2, 2) -eq '11'); upToDate = ($hex.Substring(4, 2) -eq '00') }
}

$os = Get-CimInstance -ClassName Win32_OperatingSystem
$csp = Get-CimInstance -ClassName Win32_ComputerSystemProduct
$report = [ordered]@{
  schemaVersion = 1
  collectedAt   = Get-IsoTime (Get-Date)
  agent         = 'khien-report.ps1/1.0'
  host          = [ordered]@{ hostname = $env:COMPUTERNAME; uuid = $csp.UUID }
  os            = [ordered]@{ name = $os.Caption.Trim(); version = $os.Version; build = $os.BuildNumber; platform = 'windows' }
}

# Addresses: every IPv4/IPv6 address with its adapter's MAC, loopback excluded
$macs = @{}
Get-NetAdapter -ErrorAction SilentlyContinue | ForEach-Object { $macs[$_.ifIndex] = $_.MacAddress }
$report.interfaces = @(Get-NetIPAddress -ErrorAction SilentlyContinue |
  Where-Object { $_.IPAddress -notlike '127.*' -and $_.IPAddress -ne '::1' } |
  ForEach-Object { [ordered]@{ name = $_.InterfaceAlias; ip = ($_.IPAddress -split '%')[0]; mac = $macs[$_.InterfaceIndex] } })

# Installed programs from the uninstall keys (64- and 32-bit views)
$keys = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\*',
        'HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\*'
$report.software = @(Get-ItemProperty -Path $keys -ErrorAction SilentlyContinue |
  Where-Object { $_.PSObject.Properties['DisplayName'] -and $_.DisplayName } |
  Sort-Object DisplayName, DisplayVersion -Unique |
  ForEach-Object {
    $installed = $null
    if ($_.PSObject.Properties['InstallDate'] -and $_.InstallDate -match '^\d{8}$') {
      $installed = '{0}-{1}-{2}' -f $_.InstallDate.Substring(0, 4), $_.InstallDate.Substring(4, 2), $_.InstallDate.Substring(6, 2)
    }
    [ordered]@{
      name = $_.DisplayName
      version = if ($_.PSObject.Properties['DisplayVersion']) { $_.DisplayVersion } else { $null }
      publisher = if ($_.PSObject.Properties['Publisher']) { $_.Publisher } else { $null }
      installedOn = $installed
    }
  })

# Antivirus registered with Security Center (workstations only; servers have no SecurityCenter2)
$products = @()
try {
  $products += @(Get-CimInstance -Namespace root/SecurityCenter2 -ClassName AntiVirusProduct | ForEach-Object {
    $s = Convert-ProductState $_.productState
    [ordered]@{ name = $_.displayName; kind = 'antivirus'; running = $s.enabled; enabled = $s.enabled; signaturesUpToDate = $s.upToDate }
  })
} catch { Write-Verbose "SecurityCenter2 unavailable: $_" }
try {
  $mp = Get-MpComputerStatus
  if ($mp.AntivirusEnabled) {
    $products = @($products | Where-Object { $_.name -notlike '*Defender*' })
    $products += [ordered]@{
      name = 'Microsoft Defender Antivirus'; kind = 'antivirus'; version = $mp.AMProductVersion
      running = [bool]$mp.RealTimeProtectionEnabled; enabled = [bool]$mp.AntivirusEnabled
      signatureDate = Get-IsoTime $mp.AntivirusSignatureLastUpdated
    }
  }
} catch { Write-Verbose "Defender status unavailable: $_" }
$report.securityProducts = $products

# Updates
$report.patches = @(Get-HotFix -ErrorAction SilentlyContinue | ForEach-Object {
  [ordered]@{ id = $_.HotFixID; installedOn = Get-IsoDate $_.InstalledOn; description = $_.Description }
})

# USB storage history: HKLM\SYSTEM\CurrentControlSet\Enum\USBSTOR\Disk&Ven_X&Prod_Y&Rev_Z\<serial>&0
$usb = @()
$usbstor = 'HKLM:\SYSTEM\CurrentControlSet\Enum\USBSTOR'
if (Test-Path $usbstor) {
  foreach ($dev in Get-ChildItem $usbstor) {
    $vendor = if ($dev.PSChildName -match 'Ven_([^&]*)') { $Matches[1] -replace '_', ' ' } else { $null }
    $model = if ($dev.PSChildName -match 'Prod_([^&]*)') { $Matches[1] -replace '_', ' ' } else { $null }
    foreach ($inst in Get-ChildItem $dev.PSPath) {
      $serial = $inst.PSChildName
      if ($serial.Length -gt 1 -and $serial[1] -eq '&') { continue }   # made-up id: the device has no serial
      $usb += [ordered]@{ vendor = $vendor; model = $model; serial = ($serial -replace '&\d+$', '') }
    }
  }
}
$report.usbDevices = $usb

# Last successful Windows Server Backup (Microsoft-Windows-Backup, event 4)
try {
  $ok = Get-WinEvent -FilterHashtable @{ LogName = 'Microsoft-Windows-Backup'; Id = 4 } -MaxEvents 1 -ErrorAction Stop
  $report.backup = [ordered]@{ lastSuccess = Get-IsoTime $ok.TimeCreated }
} catch { Write-Verbose 'No Windows Server Backup success recorded' }

# Internet reachability (a machine handling state secrets must show false)
$probe = Test-NetConnection -ComputerName $InternetProbe -Port 80 -WarningAction SilentlyContinue -InformationLevel Quiet
$report.internet = [ordered]@{ reachable = [bool]$probe; target = "${InternetProbe}:80" }

$body = $report | ConvertTo-Json -Depth 6 -Compress
if ($DryRun) { $body; return }

$key = (Get-Content -Path $ApiKeyFile -Raw).Trim()
$uri = $Server.TrimEnd('/') + '/api/v1/endpoints/reports'
$bytes = [Text.Encoding]::UTF8.GetBytes($body)
try {
  $resp = Invoke-RestMethod -Method Post -Uri $uri -Body $bytes -ContentType 'application/json; charset=utf-8' `
    -Headers @{ Authorization = "Bearer $key" } -TimeoutSec 60
  Write-Output "Khien: report accepted for $($env:COMPUTERNAME) $resp"
} catch {
  Write-Error "Khien: report refused or server unreachable: $($_.Exception.Message)"
  exit 1
}
