/** Tunable thresholds; defaults follow CIS AWS Foundations. A config file may override them. */
export interface Settings {
  /** Days without use after which a credential counts as unused (CIS 2.11). */
  unusedCredentialDays: number;
  /** Days after which an access key must be rotated (CIS 2.13). */
  accessKeyRotationDays: number;
  /** Minimum IAM password length (CIS 2.7). */
  minimumPasswordLength: number;
  /** Password reuse prevention (CIS 2.8). */
  passwordReusePrevention: number;
  /** Days within which root use is reported. */
  rootRecentUseDays: number;
  /** Days without its value being retrieved after which a secret counts as unused (FSBP SecretsManager.3: 90). */
  unusedSecretDays: number;
  /** Days within which every secret must have been rotated (FSBP SecretsManager.4: 90). */
  secretRotationDays: number;
  /** Days RDS must keep automated backups of instances and clusters (FSBP RDS.11: 7); RDS allows 1 to 35. */
  minimumBackupRetentionDays: number;
  /** Ports for remote administration (CIS 6.3/6.4). */
  adminPorts: number[];
  /** Well-known data and service ports that must not be open to the internet. */
  sensitivePorts: Record<string, number[]>;
}

export const DEFAULT_SETTINGS: Settings = {
  unusedCredentialDays: 45,
  accessKeyRotationDays: 90,
  minimumPasswordLength: 14,
  passwordReusePrevention: 24,
  rootRecentUseDays: 30,
  minimumBackupRetentionDays: 7,
  unusedSecretDays: 90,
  secretRotationDays: 90,
  adminPorts: [22, 3389],
  sensitivePorts: {
    FTP: [20, 21],
    Telnet: [23],
    "SMB/CIFS": [139, 445],
    NetBIOS: [137, 138],
    "MySQL/Aurora": [3306],
    PostgreSQL: [5432],
    "Microsoft SQL Server": [1433, 1434],
    Oracle: [1521, 2483, 2484],
    MongoDB: [27017, 27018, 27019],
    Cassandra: [7199, 8888, 9042, 9160],
    Redis: [6379],
    Memcached: [11211],
    "Elasticsearch/OpenSearch": [9200, 9300],
    Kibana: [5601],
    Kafka: [9092],
    RabbitMQ: [5672, 15672],
    "CIFS/NFS": [2049],
    "Docker API": [2375, 2376],
    "Kubernetes API": [6443],
  },
};
